"""Bulk writes for generated data: COPY on PostgreSQL, batched executemany on SQLite.

Rows are tuples in the order of `columns` (model attnames). Ids are assigned by the caller so that
foreign keys can be linked without reading back; sequences are moved past them afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

from django.db import connection, models


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
        count = _copy(table, cols, rows, json_at)
        _reset_sequence(table)
        return count
    return _executemany(table, cols, rows, json_at)


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
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _reset_sequence(table: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE(MAX(id), 1)) FROM \"{table}\""
        )
