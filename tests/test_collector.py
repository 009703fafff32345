"""collector: the objects that outlive a build are kept out of the garbage collector's walks, and the
cycles among them that die later are collected once they have grown enough to matter."""

import gc
import weakref

import pytest

from dossier.collector import GROWTH, LongLivedObjects, paused


class Node:
    """An object in a cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def long_lived():
    objects = LongLivedObjects()
    yield objects
    objects.release()


def test_settled_objects_are_frozen_and_released_at_the_end(long_lived):
    kept = [{"record": n} for n in range(1000)]
    long_lived.settle()
    assert gc.get_freeze_count() >= len(kept)
    assert not any(record is kept[0] for record in gc.get_objects(2))
    long_lived.release()
    assert gc.get_freeze_count() == 0


def test_a_cycle_that_dies_between_two_settles_is_collected_before_it_could_be_frozen(long_lived):
    long_lived.settle()
    node = Node()  # made by one build, let go when the next starts
    gone = weakref.ref(node)
    del node
    long_lived.settle()
    assert gone() is None


def test_a_frozen_cycle_that_dies_waits_until_the_frozen_objects_have_grown_then_is_collected(long_lived):
    node = Node()
    gone = weakref.ref(node)
    long_lived.settle()
    del node
    gc.collect()
    assert gone() is not None  # frozen: no pass sees it
    long_lived.settle()  # a little more, far below GROWTH: still out of sight
    assert gone() is not None
    grown = [[n] for n in range(int(long_lived.frozen * GROWTH) + 1000)]
    long_lived.settle()  # the frozen objects grew by more than GROWTH: one full pass sorts them
    assert gone() is None
    assert gc.get_freeze_count() >= len(grown)


def test_what_the_last_build_let_go_is_collected_between_builds(long_lived):
    long_lived.settle()
    node = Node()  # the build's navigation: alive until the build returns
    gone = weakref.ref(node)
    del node
    long_lived.between_builds()
    assert gone() is None


def test_no_pass_runs_while_paused_and_a_cycle_made_meanwhile_is_collected_after():
    passes = []

    def count(phase, info):
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with paused():
            node = Node()
            gone = weakref.ref(node)
            del node
            garbage = [[n] for n in range(50_000)]  # far past the threshold of a young-generation pass
            assert not gc.isenabled() and passes == []
        del garbage
        assert gc.isenabled()
        gc.collect()
        assert gone() is None
    finally:
        gc.callbacks.remove(count)


def test_pausing_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
