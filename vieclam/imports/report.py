"""The result of an import, row by row: what each row became, the values read, its flags and errors.

Plain data: stored as JSON on the batch (the preview page shows it) and printed by the command.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from django.utils.translation import gettext as _

from vieclam.imports.choices import Outcome

__all__ = ("ImportReport", "RowError", "RowReport")


@dataclass
class RowError:
    """One problem of a row: the column as named in the file ('' when it is not one column's) and what is wrong."""

    column: str
    message: str

    def text(self, line: int) -> str:
        if self.column:
            message = _("Dòng {line}, cột “{column}”: {message}")
            return message.format(line=line, column=self.column, message=self.message)
        return _("Dòng {line}: {message}").format(line=line, message=self.message)


@dataclass
class RowReport:
    """One row as read and resolved. `outcome` is decided last; errors make it Outcome.ERROR."""

    line: int
    outcome: str = Outcome.CREATED
    external_id: str = ""
    url: str = ""
    title: str = ""
    company: str = ""
    employer: str = ""  # 'Công ty A (0101234567)', or the name of an employer the import registers
    employer_new: bool = False
    place: str = ""  # 'Phường Cầu Giấy, Thành phố Hà Nội'
    occupation_code: str = ""
    occupation_name: str = ""
    occupation_score: float | None = None  # None: the code was given in the file
    pay_text: str = ""
    pay_min: int | None = None
    pay_max: int | None = None
    pay_negotiable: bool = False
    deadline: str = ""  # ISO date
    vacancy_id: int | None = None
    note: str = ""  # why a row is 'present' or 'expired'
    notes: list[str] = field(default_factory=list)  # what was mapped (an old place name), for information
    flags: list[str] = field(default_factory=list)  # what an officer should check ("cần kiểm tra")
    errors: list[RowError] = field(default_factory=list)

    def error(self, column: str, message) -> None:
        error = RowError(column, str(message))
        if error not in self.errors:  # two checks may reach the same verdict (a place outside the areas)
            self.errors.append(error)
        self.outcome = Outcome.ERROR

    def flag(self, message) -> None:
        self.flags.append(str(message))

    @property
    def flagged(self) -> bool:
        return self.outcome == Outcome.CREATED and bool(self.flags)

    def as_dict(self) -> dict[str, Any]:
        """What dataclasses.asdict gives, built directly (a batch stores thousands of rows)."""
        data = {name: getattr(self, name) for name in _ROW_FIELDS}
        data["notes"], data["flags"] = list(self.notes), list(self.flags)
        data["errors"] = [{"column": e.column, "message": e.message} for e in self.errors]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowReport:
        errors = [RowError(**e) for e in data.get("errors", [])]
        return cls(**{**data, "errors": errors})


_ROW_FIELDS = tuple(f.name for f in fields(RowReport))


@dataclass
class ImportReport:
    """A whole file: its rows, or the reason it could not be read at all (`file_error`)."""

    filename: str
    source: str = ""
    file_format: str = ""
    dry_run: bool = False
    skip_errors: bool = False
    committed: bool = False
    batch_id: int | None = None
    file_error: str = ""
    rows: list[RowReport] = field(default_factory=list)
    purged: bool = False  # the rows were emptied by the retention rule (imports.services.import_batch_purge)

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "rows": len(self.rows),
            "created": self.count(Outcome.CREATED),
            "present": self.count(Outcome.PRESENT),
            "expired": self.count(Outcome.EXPIRED),
            "flagged": sum(1 for row in self.rows if row.flagged),
            "errors": self.count(Outcome.ERROR) + bool(self.file_error),
        }

    @property
    def has_errors(self) -> bool:
        return self.counts["errors"] > 0

    def error_lines(self) -> list[str]:
        if self.file_error:
            return [self.file_error]
        return [e.text(row.line) for row in self.rows for e in row.errors]

    def flag_lines(self) -> list[str]:
        return [
            _("Dòng {line}: {message}").format(line=row.line, message=message)
            for row in self.rows
            if row.flagged
            for message in row.flags
        ]

    def as_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "rows"}
        data["rows"] = [row.as_dict() for row in self.rows]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportReport:
        rows = [RowReport.from_dict(row) for row in data.get("rows", [])]
        return cls(**{**data, "rows": rows})
