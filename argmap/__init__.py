"""argmap: argument maps in plain text, checked, linted and rendered."""

__version__ = "0.1.0"
