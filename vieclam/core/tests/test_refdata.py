"""Apps register their reference loaders with core; core runs them in the order they declare."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from vieclam.core import refdata


def test_the_project_loads_places_then_code_lists_then_poverty_rules_then_the_rules_built_on_them():
    names = [loader.name for loader in refdata.reference_loaders()]
    expected = ["abroad", "codelists", "connections", "indicators", "loans", "places", "poverty", "training"]
    assert sorted(names) == expected
    for first, then in (("places", "codelists"), ("codelists", "poverty"), ("poverty", "connections"),
                        ("poverty", "training"), ("connections", "indicators")):  # fmt: skip
        assert names.index(first) < names.index(then), (first, then)


def test_a_loader_runs_after_those_it_waits_for(monkeypatch):
    monkeypatch.setattr(refdata, "_loaders", {})
    ran = []
    refdata.reference_loader_register("b", lambda: ran.append("b") or {"b": 1}, after=["c"])
    refdata.reference_loader_register("c", lambda: ran.append("c") or {"c": 2})
    refdata.reference_loader_register("a", lambda: ran.append("a") or {"a": 3}, after=["b"])
    assert refdata.load_all_reference() == {"c": 2, "b": 1, "a": 3}
    assert ran == ["c", "b", "a"]


def test_waiting_for_a_loader_nobody_registered_is_a_configuration_error(monkeypatch):
    monkeypatch.setattr(refdata, "_loaders", {})
    refdata.reference_loader_register("a", dict, after=["missing"])
    with pytest.raises(ImproperlyConfigured):
        refdata.reference_loaders()
