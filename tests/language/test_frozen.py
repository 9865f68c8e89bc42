"""quick_init gives a frozen dataclass a faster __init__ that makes the same
instances, with the same signature, defaults and frozenness."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from argmap.frozen import quick_init


@dataclasses.dataclass(frozen=True, slots=True)
class _Plain:
    name: str
    size: int
    note: str | None = None
    tags: tuple = ()


@quick_init
@dataclasses.dataclass(frozen=True, slots=True)
class _Quick:
    name: str
    size: int
    note: str | None = None
    tags: tuple = ()


def _values(instance) -> tuple:
    return dataclasses.astuple(instance)


def test_instances_hold_what_the_generated_init_would_store():
    for args, kwargs in [(("a", 1), {}), (("a", 1, "n"), {}), (("a",), {"size": 2, "tags": (1,)})]:
        assert _values(_Quick(*args, **kwargs)) == _values(_Plain(*args, **kwargs))


def test_the_signature_and_its_errors_stay_the_same():
    assert str(inspect.signature(_Quick)) == str(inspect.signature(_Plain))
    with pytest.raises(TypeError):
        _Quick("a")
    with pytest.raises(TypeError):
        _Quick("a", 1, colour="red")


def test_instances_stay_frozen_comparable_hashable_and_picklable():
    quick = _Quick("a", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.size = 2
    assert quick == _Quick("a", 1) and hash(quick) == hash(_Quick("a", 1))
    assert dataclasses.replace(quick, size=3) == _Quick("a", 3)
    assert pickle.loads(pickle.dumps(quick)) == quick


def test_a_field_with_a_default_factory_is_refused():
    with pytest.raises(TypeError, match="items"):
        @quick_init
        @dataclasses.dataclass(frozen=True, slots=True)
        class _Factory:
            items: list = dataclasses.field(default_factory=list)
