import pytest

import vieclam.jobs.tests.kinds  # noqa: F401  (the test kind)


@pytest.fixture
def immediate():
    """Huey's immediate mode (its documented switch for tests): a task sent on commit runs right there, in this
    process. The real worker is tested in test_worker.py."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield
    HUEY.immediate = False
