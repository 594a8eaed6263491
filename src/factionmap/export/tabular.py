"""Tables for spreadsheets, pandas, R and Parquet readers: named, typed columns and plain rows.

A `Table` is what the analyst-facing exports are made of (claims, facts, events,
relations, actors, evidence; built from the store by `query.tables`). It is written
here as CSV, JSON Lines or Parquet, and turned into a pandas DataFrame or an Arrow
table. The column list is fixed per table, so every format has the same columns in
the same order whether or not a value is present; a missing value is empty in CSV,
null in JSON Lines and Parquet. A list column (outlets, aliases) is a JSON list in
JSON Lines, a list in Parquet and pandas, and its items joined with "; " in CSV.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from typing import IO, Iterator, Sequence

from ..errors import FactionmapError

KINDS = ("string", "int", "float", "bool", "list")
FORMATS = ("jsonl", "csv", "parquet")
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "string"  # string | int | float | bool | list (of strings)
    doc: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"column {self.name!r}: kind must be one of {KINDS}, not {self.kind!r}")


@dataclass(frozen=True)
class Table:
    """Rows (dicts keyed by column name) under a fixed list of typed columns."""

    name: str
    columns: tuple[Column, ...]
    rows: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        names = [c.name for c in self.columns]
        for i, row in enumerate(self.rows):
            extra = set(row) - set(names)
            if extra:
                raise ValueError(f"table {self.name}: row {i} has columns {sorted(extra)} not declared")

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict]:
        return iter(self.to_dicts())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def to_dicts(self) -> list[dict]:
        """Every row with every column, in column order (missing values None)."""
        return [{c.name: _value(row.get(c.name), c) for c in self.columns} for row in self.rows]

    def to_arrow(self):
        """A pyarrow Table with one typed column each (nullable)."""
        import pyarrow as pa

        arrays = {c.name: pa.array([r[c.name] for r in self.to_dicts()], type=_arrow_type(pa, c))
                  for c in self.columns}
        return pa.table(arrays, schema=pa.schema([pa.field(c.name, _arrow_type(pa, c)) for c in self.columns]))

    def to_pandas(self):
        """A pandas DataFrame: integer columns that may be missing are pandas' nullable Int64."""
        return self.to_arrow().to_pandas(types_mapper=_pandas_types)


def _value(value: object, column: Column) -> object:
    if value is None:
        return None
    if column.kind == "list":
        return [str(v) for v in value]
    if column.kind == "int":
        return int(value)  # type: ignore[arg-type]
    if column.kind == "float":
        return float(value)  # type: ignore[arg-type]
    if column.kind == "bool":
        return bool(value)
    return str(value)


def _arrow_type(pa, column: Column):
    return {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
            "list": pa.list_(pa.string())}[column.kind]


def _pandas_types(arrow_type):
    import pandas as pd
    import pyarrow as pa

    if arrow_type == pa.int64():
        return pd.Int64Dtype()
    if arrow_type == pa.bool_():
        return pd.BooleanDtype()
    return None


# ---- writers ------------------------------------------------------------------

def write_csv(table: Table, out: IO[str]) -> int:
    """RFC 4180 CSV with a header row; returns the number of rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in table.to_dicts():
        writer.writerow([_csv_cell(row[c.name], c) for c in table.columns])
    return len(table)


def _csv_cell(value: object, column: Column) -> str:
    if value is None:
        return ""
    if column.kind == "list":
        return LIST_SEPARATOR.join(value)  # type: ignore[arg-type]
    if column.kind == "bool":
        return "true" if value else "false"
    return str(value)


def write_jsonl(table: Table, out: IO[str]) -> int:
    """One JSON object a row, every column present (null when missing)."""
    for row in table.to_dicts():
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(table)


def write_parquet(table: Table, path) -> int:
    """A Parquet file (needs a path: Parquet is binary and written whole)."""
    import pyarrow.parquet as pq

    pq.write_table(table.to_arrow(), str(path))
    return len(table)


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    """`fmt` when it is one of `allowed`, else E404 naming them."""
    if fmt not in allowed:
        raise FactionmapError("E404", format=fmt, expected=", ".join(allowed))
    return fmt
