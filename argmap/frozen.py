"""A quicker __init__ for frozen dataclasses with slots.

A frozen dataclass's generated __init__ sets each field through
object.__setattr__, looked up anew for every field, since its own __setattr__
refuses. Writing each slot through its descriptor, which frozenness does not
guard, makes the same instance in about half the time; parsing a big map makes
hundreds of thousands of nodes and spans, and linting it tens of thousands of
diagnostics. The signature, defaults and the instance made stay the same."""

from __future__ import annotations

from dataclasses import MISSING, fields


def quick_init(cls):
    """Class decorator, applied above @dataclass(frozen=True, slots=True)."""
    parameters, setters, scope = [], [], {}
    for field in fields(cls):
        name = field.name
        if field.default_factory is not MISSING or not field.init or field.kw_only:
            raise TypeError(f"quick_init cannot make {cls.__name__}.{name}")
        if field.default is MISSING:
            parameters.append(name)
        else:
            scope[f"default_{name}"] = field.default
            parameters.append(f"{name}=default_{name}")
        scope[f"set_{name}"] = getattr(cls, name).__set__
        setters.append(f"    set_{name}(self, {name})\n")
    source = f"def __init__(self, {', '.join(parameters)}):\n{''.join(setters) or '    pass'}\n"
    exec(source, scope)  # noqa: S102 - made from the field names above only
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    cls.__init__ = init
    return cls
