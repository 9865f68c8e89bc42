"""Parsing pauses the cyclic garbage collector; the pause must not leak what it
built, and must leave the collector as it found it."""

from __future__ import annotations

import gc
import weakref

from argmap.gcpause import paused_gc


class _Cell:
    pass


def _cycle_built_while_paused() -> weakref.ref:
    with paused_gc():
        cell = _Cell()
        cell.itself = cell
        return weakref.ref(cell)


def test_a_cycle_built_during_the_pause_is_collected_later():
    ref = _cycle_built_while_paused()
    gc.collect()
    assert ref() is None


def test_the_collector_is_enabled_again_after_the_pause_and_not_before():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_objects_the_program_froze_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with paused_gc():
            _Cell()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
