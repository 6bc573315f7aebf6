"""The serving process's garbage collector (config.gc): what was loaded at start-up is left out of collections."""

import gc

from vieclam.config.gc import YOUNG_THRESHOLD, gc_tune


def test_the_loaded_application_is_frozen_and_young_collections_are_rarer():
    threshold = gc.get_threshold()
    try:
        gc_tune()
        assert gc.get_freeze_count() > 10_000
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
