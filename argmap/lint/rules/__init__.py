"""One module per lint rule; argmap/lint/registry.py lists them all."""
