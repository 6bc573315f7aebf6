"""The data version the figures are counted from, and the shared store of counted figures keyed by it.

Counting a province's year over a million persons takes seconds; the same figures are asked again and again (each
staff home page, each report, each API call) while the records under them rarely change. So a rule's counts are
kept in the cache (Redis in production) under the version of the data they were counted from, and a figure is
counted again only after a write.

The version is kept by the database itself, so no write escapes it (the ORM, bulk_create, raw SQL, COPY, a
migration, a restore): a trigger on every table the rules may read logs the writing transaction.
- PostgreSQL: a statement trigger keeps one row per writing transaction (its txid) and gives it a new random
  token at each statement. The row becomes visible to others exactly when the transaction commits (and to the
  transaction itself at once), and no two writers wait for each other (each writes its own row, not a shared
  counter). The version is (rows, highest id, digest of the tokens): a late commit adds a row, a rolled back one
  leaves none, a reset sequence gets new tokens. Readers keep the log short.
- SQLite (one writer at a time): a row trigger puts a new random token on the single row.
The version is read before any count: a figure stored under it was counted from data at least as new.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path

from django.core.cache import cache as shared_cache
from django.db import DEFAULT_DB_ALIAS, connection, connections

from vieclam.core.dates import today
from vieclam.indicators.rules import rule_edition

LOG = "indicators_datachange"
# Tables no counting rule reads and that change for other reasons (every login, every read of a person, every
# search-index rebuild): writing them must not throw the counted figures away.
NOT_SOURCES = frozenset({
    LOG, "core_auditevent", "accounts_user", "jobboard_jobindex", "jobboard_jobword", "imports_importbatch",
    "imports_importedposting", "reporting_report", "targets_target", "targets_targetrevision",
    "jobs_job",  # a running job's progress is written every batch
})  # fmt: skip
COMPACT_ABOVE = 1000
TIMEOUT = 7 * 24 * 3600

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION vieclam_datachange() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO {LOG} (txid, token) VALUES (txid_current(), md5(random()::text || clock_timestamp()::text))
  ON CONFLICT (txid) DO UPDATE SET token = EXCLUDED.token;
  RETURN NULL;
END $$;
"""


def source_tables() -> list[str]:
    from django.apps import apps

    return sorted(
        m._meta.db_table
        for m in apps.get_models()
        if m._meta.app_config.name.startswith("vieclam.")
        and m._meta.managed
        and not m._meta.proxy
        and m._meta.db_table not in NOT_SOURCES
    )


def triggers_install(*, using: str = DEFAULT_DB_ALIAS) -> int:
    """(Re)install the data-change trigger on every source table; idempotent (run after each migrate)."""
    conn = connections[using]
    existing = set(conn.introspection.table_names())
    if LOG not in existing:
        return 0
    tables = [t for t in source_tables() if t in existing]
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute(_PG_FUNCTION)
            for table in tables:
                quoted = conn.ops.quote_name(table)
                cursor.execute(f"DROP TRIGGER IF EXISTS vieclam_datachange ON {quoted}")
                cursor.execute(
                    f"CREATE TRIGGER vieclam_datachange AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {quoted} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION vieclam_datachange()"
                )
        else:
            for table in tables:
                for event in ("INSERT", "UPDATE", "DELETE"):
                    cursor.execute(
                        f'CREATE TRIGGER IF NOT EXISTS "vieclam_datachange_{table}_{event.lower()}" AFTER {event} '
                        f'ON "{table}" BEGIN INSERT INTO {LOG} (id, txid, token) VALUES (1, 1, hex(randomblob(8))) '
                        "ON CONFLICT (id) DO UPDATE SET txid = txid + 1, token = hex(randomblob(8)); END"
                    )
    return len(tables)


def _tokens() -> str:
    if connection.vendor == "postgresql":
        return "md5(string_agg(token, ',' ORDER BY id))"
    return "max(token)"  # one row


def data_version() -> str:
    """A text that changes whenever a committed write touches a source table."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), max(id), {_tokens()} FROM {LOG}")
        count, top, token = cursor.fetchone()
        if connection.vendor == "postgresql" and count > COMPACT_ABOVE:
            _compact(cursor, top)
    return f"{count}.{top}.{token}"


def _compact(cursor, top: int) -> None:
    """Keep the log short: drop the old rows and add a fresh one (a new highest id: a version never seen before)."""
    cursor.execute(f"DELETE FROM {LOG} WHERE id <= %s", [top])
    cursor.execute(f"INSERT INTO {LOG} (txid, token) VALUES (NULL, md5(random()::text || clock_timestamp()::text))")


@cache
def code_version() -> str:
    """The counting rules' code: a deployment that changes any module starts from empty figures."""
    digest = hashlib.sha1()
    for path in sorted(Path(__file__).resolve().parents[1].rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class CountStore:
    """One calculation's view of the shared store: the data version is read once, at the first count."""

    def __init__(self, *, communes: frozenset[int] | None, as_of: dt.datetime | None) -> None:
        area = "all" if communes is None else hashlib.sha1(",".join(map(str, sorted(communes))).encode()).hexdigest()
        self._scope = f"{area}:{as_of.isoformat() if as_of else ''}"
        self._version: str | None = None

    def _key(self, rule: str, start: dt.date, end: dt.date, by: str | None) -> str | None:
        """The store's key for a rule's counts, or None when they are not shared (a rule not registered as such)."""
        edition = rule_edition(rule)
        if edition is None:
            return None
        if self._version is None:
            self._version = f"{code_version()}:{data_version()}:{today().isoformat()}"
        raw = f"{self._version}:{self._scope}:{rule}.{edition}:{start.isoformat()}:{end.isoformat()}:{by or ''}"
        return "ind:" + hashlib.sha1(raw.encode()).hexdigest()

    def get(self, rule: str, start: dt.date, end: dt.date, by: str | None) -> dict | None:
        """The rule's stored counts, or None (not stored, or a rule whose counts are not shared)."""
        key = self._key(rule, start, end, by)
        return shared_cache.get(key) if key else None

    def put(self, rule: str, start: dt.date, end: dt.date, by: str | None, counts: dict) -> None:
        if key := self._key(rule, start, end, by):
            shared_cache.set(key, counts, TIMEOUT)
