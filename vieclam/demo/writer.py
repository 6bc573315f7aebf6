"""Bulk writes for generated data: COPY on PostgreSQL, batched executemany on SQLite.

Rows are tuples in the order of `columns` (model attnames). Ids are assigned by the caller so that
foreign keys can be linked without reading back; sequences are moved past them afterwards.

Into an empty table on PostgreSQL, a large COPY goes in bare: the table's secondary indexes and its foreign keys
are dropped first and made again after (as pg_restore does), inside the caller's transaction. Building an index
once over a million rows is several times cheaper than growing it row by row (the names' trigram indexes most),
and a foreign key added afterwards is checked by one join instead of a deferred trigger per row. The same
definitions are read back from the catalogue, so the schema after the write is the one before.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.db import OperationalError, connection, models, transaction

BARE_FROM_ROWS = 20_000  # below this, dropping and rebuilding costs more than it saves


def next_id(model: type[models.Model]) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def columns_of(model: type[models.Model], names: Sequence[str]) -> list[str]:
    """Database column names for attnames, checked against the model so a typo fails loudly."""
    by_attname = {f.attname: f.column for f in model._meta.concrete_fields}
    return [by_attname[name] for name in names]


def bulk_write(model: type[models.Model], names: Sequence[str], rows: Iterable[tuple]) -> int:
    table, cols = model._meta.db_table, columns_of(model, names)
    json_at = [i for i, name in enumerate(names) if isinstance(_field(model, name), models.JSONField)]
    if connection.vendor == "postgresql":
        bare = isinstance(rows, Sequence) and len(rows) >= BARE_FROM_ROWS and not model.objects.exists()
        with _bare(table) if bare else _as_is():
            count = _copy(table, cols, rows, json_at)
        _reset_sequence(table)
        return count
    return _executemany(table, cols, rows, json_at)


def tables_analyze(models_written: Iterable[type[models.Model]]) -> None:
    """Fresh planner statistics for tables just filled (PostgreSQL). Until autovacuum gets to them the planner
    takes a table of 90.000 rows for a few thousand and scans it whole for one person's timeline."""
    if connection.vendor != "postgresql":
        return
    tables = dict.fromkeys(model._meta.db_table for model in models_written)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(map(_q, tables)))


def _q(name: str) -> str:
    return '"' + name + '"'


def _field(model, attname):
    return next(f for f in model._meta.concrete_fields if f.attname == attname)


def _copy(table: str, cols: list[str], rows: Iterable[tuple], json_at: list[int]) -> int:
    count = 0
    with connection.cursor() as cursor:
        sql = f"COPY {_q(table)} ({', '.join(map(_q, cols))}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for row in rows:
                if json_at:
                    row = list(row)
                    for i in json_at:
                        row[i] = json.dumps(row[i], ensure_ascii=False)
                copy.write_row(row)
                count += 1
    return count


@contextmanager
def _as_is() -> Iterator[None]:
    yield


@contextmanager
def _bare(table: str) -> Iterator[None]:
    """Without the table's secondary indexes and foreign keys while inside; both made again on leaving. A table
    with checks still pending in this transaction cannot be altered: it is then written as it is."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass "
            "AND contype = 'f' ORDER BY conname",
            [_q(table)],
        )
        foreign = cursor.fetchall()
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid = %s::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = "
            "i.indexrelid AND k.conrelid = i.indrelid) ORDER BY c.relname",
            [_q(table)],
        )
        indexes = cursor.fetchall()
        try:
            with transaction.atomic():
                for name, _definition in foreign:
                    cursor.execute(f"ALTER TABLE {_q(table)} DROP CONSTRAINT {_q(name)}")
                for name, _definition in indexes:
                    cursor.execute(f"DROP INDEX {_q(name)}")
        except OperationalError:  # "cannot ALTER TABLE … because it has pending trigger events"
            yield
            return
        # Sorting a million keys for an index in memory rather than on disk (until the transaction ends).
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
    yield
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)
        for name, definition in foreign:
            cursor.execute(f"ALTER TABLE {_q(table)} ADD CONSTRAINT {_q(name)} {definition}")


def _executemany(table: str, cols: list[str], rows: Iterable[tuple], json_at: list[int]) -> int:
    sql = f"INSERT INTO {_q(table)} ({', '.join(map(_q, cols))}) VALUES ({', '.join(['%s'] * len(cols))})"
    count, batch = 0, []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(tuple(_sqlite_value(v, i in json_at) for i, v in enumerate(row)))
            if len(batch) == 5000:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def _sqlite_value(value, is_json: bool):
    if is_json:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _reset_sequence(table: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE(MAX(id), 1)) FROM \"{table}\""
        )
