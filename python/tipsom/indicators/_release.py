"""One suppression pattern for all the count tables of a release, and its audit.

Each table of a release is safe on its own (``_disclosure``), but tables share margins:
the victims by sex-age of the year, form, citizenship and protection tables are the
same numbers, the sex totals of the province table are sums of them, and a grand total
printed in one table is the grand total of the others. An attacker who writes every
published number as a linear equation over the cells of all tables can pin a withheld
cell that no single table gives away.

The release records every count table as it is built, links the margins that are the
same quantity (same key and level, same count), and then withholds further cells until
the audit passes: for every withheld cell and total, the smallest and largest value
consistent with everything published (an integer programme over non-negative cells,
solved with scipy's HiGHS) must lie at least ``protection`` apart. The final pattern is
rendered into every table, and the rate tables take the statuses of the counts they
divide, so one pattern covers the whole release.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from tipsom.exceptions import DisclosureError
from tipsom.indicators._disclosure import RECORDER, pattern_key, render_pattern

#: Sex of each sex-age level (the province table is by sex, the others by sex-age).
_SEX_OF = {
    "woman": "female",
    "girl": "female",
    "man": "male",
    "boy": "male",
    "transgender": "transgender",
    "unknown": "unknown",
}


#: Cells of a child/adult by sex table that are sex-age totals.
_SEX_AGE_OF = {
    ("adult", "female"): "woman",
    ("child", "female"): "girl",
    ("adult", "male"): "man",
    ("child", "male"): "boy",
}


@dataclass
class Grid:
    """One count table of a release: cells row-major, totals and their statuses."""

    value: str
    pattern: dict[str, Any]
    threshold: int
    counts: np.ndarray
    cell: np.ndarray
    row_status: list[str]
    col_status: list[str]
    grand_status: str
    row_labels: list[str]
    col_labels: list[str]
    row_key: str
    col_key: str
    one_way: bool
    name: str = ""
    offset: int = 0
    key: tuple[Any, ...] = ()

    @classmethod
    def of(cls, p: dict[str, Any], value: str, threshold: int) -> Grid:
        n_rows = max(p["row_levels"].height, 1)
        n_cols = max(p["column_levels"].height, 1)
        counts = np.array(p["cells"][value].to_list(), dtype=np.int64).reshape(
            n_rows, n_cols
        )
        cell = np.array(p["cells"][f"{value}_status"].to_list(), dtype=object).reshape(
            n_rows, n_cols
        )
        one_way = not p["rows"]
        row_status = list(p["row_total_status"])
        col_status = list(p["column_total_status"])
        grand = p["grand_total_status"]
        if one_way:
            # Shown as a single row of cells and its total: the column totals are the
            # cells themselves and the row total is the grand total.
            col_status = list(cell[0])
            grand = row_status[0] if row_status else grand
        col_key = p["columns"] or value
        rows = p["rows"]
        row_labels = (
            [
                " / ".join("unknown" if v is None else str(v) for v in r)
                for r in p["row_levels"].select(rows).iter_rows()
            ]
            if rows
            else ["Total"]
        )
        col_labels = (
            [str(v) for v in p["column_levels"][p["columns"]].to_list()]
            if p["columns"]
            else [value]
        )
        return cls(
            value=value,
            pattern=p,
            threshold=threshold,
            counts=counts,
            cell=cell,
            row_status=row_status,
            col_status=col_status,
            grand_status=grand,
            row_labels=row_labels,
            col_labels=col_labels,
            row_key=" / ".join(rows),
            col_key=col_key,
            one_way=one_way,
        )

    @property
    def shape(self) -> tuple[int, int]:
        return self.counts.shape  # type: ignore[return-value]

    def render(self) -> pl.DataFrame:
        p = dict(self.pattern)
        if self.one_way:
            self.row_status = [self.grand_status] * len(self.row_status)
            self.cell[0] = np.array(self.col_status, dtype=object)
        p["cells"] = p["cells"].with_columns(
            pl.Series(f"{self.value}_status", [str(s) for s in self.cell.ravel()])
        )
        p["row_total_status"] = self.row_status
        p["column_total_status"] = self.col_status
        p["grand_total_status"] = self.grand_status
        return render_pattern(p, value=self.value)


@dataclass
class Item:
    """A cell or total of one grid: which variables it sums, its value and status."""

    grid: int
    kind: str  # "cell", "row", "column", "grand"
    i: int
    j: int
    variables: list[int]
    value: int

    def status(self, grids: list[Grid]) -> str:
        g = grids[self.grid]
        if self.kind == "cell":
            return str(g.cell[self.i, self.j])
        if self.kind == "row":
            return g.row_status[self.i]
        if self.kind == "column":
            return g.col_status[self.j]
        return g.grand_status

    def withhold(self, grids: list[Grid]) -> None:
        g = grids[self.grid]
        if self.kind == "cell":
            g.cell[self.i, self.j] = "secondary"
        elif self.kind == "row":
            g.row_status[self.i] = "secondary"
        elif self.kind == "column":
            g.col_status[self.j] = "secondary"
        else:
            g.grand_status = "secondary"

    def publish(self, grids: list[Grid]) -> None:
        g = grids[self.grid]
        if self.kind == "cell":
            g.cell[self.i, self.j] = "published"
        elif self.kind == "row":
            g.row_status[self.i] = "published"
        elif self.kind == "column":
            g.col_status[self.j] = "published"
        elif self.kind == "grand":
            g.grand_status = "published"

    def where(self, grids: list[Grid]) -> tuple[str, str, str]:
        g = grids[self.grid]
        row = g.row_labels[self.i] if self.kind in ("cell", "row") else "Total"
        col = g.col_labels[self.j] if self.kind in ("cell", "column") else "Total"
        return g.name, row, col


@dataclass
class Release:
    """The count tables of one release, with the links between their margins."""

    grids: list[Grid] = field(default_factory=list)
    frames: dict[int, int] = field(default_factory=dict)  # id(display frame) -> grid

    def record(
        self, out: pl.DataFrame | None, p: dict[str, Any], value: str, t: int
    ) -> None:
        """Take a table into the release (``out`` None: a chart's table)."""
        if out is not None:
            self.frames[id(out)] = len(self.grids)
        grid = Grid.of(p, value, t)
        grid.key = pattern_key(p, value)
        self.grids.append(grid)

    def fixed_patterns(self) -> dict[tuple[Any, ...], list[str]]:
        """The solved status of every cell of every table, by table (for charts)."""
        out = {}
        for g in self.grids:
            if g.one_way:
                g.cell[0] = np.array(g.col_status, dtype=object)
            out[g.key] = [str(s) for s in g.cell.ravel()]
        return out

    # -- the model -------------------------------------------------------------------
    def items(self) -> list[Item]:
        out: list[Item] = []
        offset = 0
        for k, g in enumerate(self.grids):
            g.offset = offset
            n_rows, n_cols = g.shape
            var = np.arange(offset, offset + n_rows * n_cols).reshape(n_rows, n_cols)
            offset += n_rows * n_cols
            for i in range(n_rows):
                for j in range(n_cols):
                    out.append(
                        Item(k, "cell", i, j, [int(var[i, j])], int(g.counts[i, j]))
                    )
            if not g.one_way:
                for i in range(n_rows):
                    out.append(
                        Item(k, "row", i, 0, var[i].tolist(), int(g.counts[i].sum()))
                    )
                for j in range(n_cols):
                    out.append(
                        Item(
                            k,
                            "column",
                            0,
                            j,
                            var[:, j].tolist(),
                            int(g.counts[:, j].sum()),
                        )
                    )
            out.append(
                Item(k, "grand", 0, 0, var.ravel().tolist(), int(g.counts.sum()))
            )
        return out

    def n_variables(self) -> int:
        return sum(g.shape[0] * g.shape[1] for g in self.grids)

    def links(self, items: list[Item]) -> list[list[Item]]:
        """Groups of margins that are the same quantity (same key, level and count)."""
        groups: dict[tuple[Any, ...], list[Item]] = {}
        for it in items:
            g = self.grids[it.grid]
            if it.kind == "grand":
                key: tuple[Any, ...] = ("grand", it.value)
            elif it.kind == "column" or (g.one_way and it.kind == "cell"):
                key = ("level", g.col_key, g.col_labels[it.j], it.value)
            elif it.kind == "row":
                key = ("level", g.row_key, g.row_labels[it.i], it.value)
            elif (g.row_key, g.col_key) == ("age_band", "sex") and (
                g.row_labels[it.i],
                g.col_labels[it.j],
            ) in _SEX_AGE_OF:
                # A child/adult pyramid's cells are sex-age totals.
                label = _SEX_AGE_OF[(g.row_labels[it.i], g.col_labels[it.j])]
                key = ("level", "sex_age", label, it.value)
            else:
                # The same cell shown in two tables (a chart and its table; the form
                # table's rows are group / form, the form determines the group).
                last_key = g.row_key.split(" / ")[-1]
                last = g.row_labels[it.i].split(" / ")[-1]
                key = ("cell", last_key, last, g.col_key, g.col_labels[it.j], it.value)
            groups.setdefault(key, []).append(it)
        return [v for v in groups.values() if len(v) > 1]

    def sex_links(self, items: list[Item]) -> list[tuple[list[Item], Item]]:
        """Sex totals that are sums of sex-age totals (same count)."""
        by_grid: dict[int, dict[str, Item]] = {}
        for it in items:
            g = self.grids[it.grid]
            if it.kind == "column" or (g.one_way and it.kind == "cell"):
                by_grid.setdefault(it.grid, {})[g.col_labels[it.j]] = it
        out = []
        for k, levels in by_grid.items():
            if self.grids[k].col_key != "sex_age":
                continue
            for m, other in by_grid.items():
                if self.grids[m].col_key != "sex":
                    continue
                for sex, total in other.items():
                    parts = [
                        it for lab, it in levels.items() if _SEX_OF.get(lab) == sex
                    ]
                    if parts and sum(p.value for p in parts) == total.value:
                        out.append((parts, total))
        return out

    # -- the audit -------------------------------------------------------------------
    def audit(
        self,
        protection: int | None = None,
        *,
        exact: bool = True,
        only: set[tuple[int, str, int, int]] | None = None,
    ) -> pl.DataFrame:
        """Feasible range of every withheld cell and total, given all published ones.

        With ``exact`` the cells are integers (an integer programme per bound);
        without, the linear relaxation, whose ranges are never narrower (used while
        solving; the exact audit has the last word). A withheld count of zero names
        nobody and needs no protection.
        """
        from scipy.optimize import Bounds, LinearConstraint, linprog, milp
        from scipy.sparse import lil_matrix

        items = self.items()
        n = self.n_variables()
        rows: list[tuple[list[int], list[float], float]] = []
        lower = np.zeros(n)
        upper = np.full(n, np.inf)
        for it in items:
            if it.status(self.grids) != "published":
                continue
            if it.kind == "cell":
                lower[it.variables[0]] = upper[it.variables[0]] = it.value
            else:
                rows.append((it.variables, [1.0] * len(it.variables), it.value))
        for group in self.links(items):
            first = group[0]
            for other in group[1:]:
                rows.append(_difference(first.variables, other.variables))
        for parts, total in self.sex_links(items):
            left = [v for p in parts for v in p.variables]
            rows.append(_difference(left, total.variables))
        m = max(len(rows), 1)
        lil = lil_matrix((m, n))
        b = np.zeros(m)
        for r, (idx, coef, rhs) in enumerate(rows):
            for v, c in zip(idx, coef, strict=True):
                lil[r, v] += c
            b[r] = rhs
        a = lil.tocsr()
        constraints = [LinearConstraint(a, b, b)]
        bounds = Bounds(lower, upper)
        box = list(zip(lower, upper, strict=True))
        integrality = np.ones(n)

        def bound(c: np.ndarray) -> tuple[bool, float]:
            r = linprog(c, A_eq=a, b_eq=b, bounds=box, method="highs")
            if r.status == 2:
                msg = "the release's published numbers contradict each other"
                raise DisclosureError(msg)
            if exact and r.status == 0 and not np.allclose(r.x, np.round(r.x)):
                # The relaxation's optimum is fractional: solve the integer programme
                # (an integral optimum of the relaxation is the integer optimum).
                r = milp(
                    c, constraints=constraints, bounds=bounds, integrality=integrality
                )
            return r.status == 0, float(r.fun) if r.status == 0 else float("nan")

        records = []
        for it in items:
            status = it.status(self.grids)
            if status == "published" or (only is not None and _key(it) not in only):
                continue
            g = self.grids[it.grid]
            p = protection if protection is not None else g.threshold
            if it.value == 0:
                low, high = 0.0, float("nan")
            else:
                c = np.zeros(n)
                c[it.variables] = 1.0
                _, f_low = bound(c)
                bounded, f_high = bound(-c)
                low = float(round(f_low))
                high = float(round(-f_high)) if bounded else float("inf")
            table, row, col = it.where(self.grids)
            records.append(
                {
                    "table": table,
                    "row": row,
                    "column": col,
                    "status": status,
                    "value": it.value,
                    "lower": low,
                    "upper": high,
                    "protection": p,
                    "safe": _safe(it.value, high - low, p, g.threshold),
                    "_item": it,
                }
            )
        self._last = records
        return pl.DataFrame(
            [{k: v for k, v in r.items() if k != "_item"} for r in records],
            schema={
                "table": pl.String,
                "row": pl.String,
                "column": pl.String,
                "status": pl.String,
                "value": pl.Int64,
                "lower": pl.Float64,
                "upper": pl.Float64,
                "protection": pl.Int64,
                "safe": pl.Boolean,
            },
        )

    # -- the joint pattern -----------------------------------------------------------
    def solve(self, protection: int | None = None, max_rounds: int = 80) -> None:
        """Withhold further cells until every withheld one passes the audit."""
        if not self.grids:
            return
        items = self.items()
        linked: dict[tuple[int, str, int, int], list[Item]] = {}
        for group in self.links(items):
            for it in group:
                linked[(it.grid, it.kind, it.i, it.j)] = group
        self._linked = linked
        self._harmonise(items, linked)
        self._related: dict[tuple[int, str, int, int], list[Item]] = {}
        for parts, total in self.sex_links(items):
            members = [*parts, total]
            for m in members:
                self._related.setdefault((m.grid, m.kind, m.i, m.j), []).extend(
                    x for x in members if x is not m
                )
        # Withholding more only widens the ranges of what was already safe, and
        # showing a total that can be worked out exactly changes nothing: so each
        # round audits only what failed and what was newly withheld.
        exact = False
        todo: set[tuple[int, str, int, int]] | None = None
        for _ in range(max_rounds):
            self.audit(protection, exact=exact, only=todo)
            unsafe = [r for r in self._last if not r["safe"]]
            if not unsafe:
                if exact:
                    return
                exact, todo = True, None
                continue
            before = self._withheld(items)
            for r in unsafe:
                it = r["_item"]
                if it.value >= self.grids[it.grid].threshold:
                    for same in linked.get(_key(it), [it]):
                        same.publish(self.grids)
            for r in unsafe:
                it = r["_item"]
                if it.status(self.grids) == "published":
                    continue
                for extra in self._partners(it, items):
                    if extra.status(self.grids) == "published":
                        for same in linked.get(_key(extra), [extra]):
                            same.withhold(self.grids)
                        break
            after = self._withheld(items)
            if after == before and all(
                r["_item"].status(self.grids) != "published" for r in unsafe
            ):
                break
            todo = (after - before) | {
                _key(r["_item"])
                for r in unsafe
                if r["_item"].status(self.grids) != "published"
            }
        # Last resort: withhold every count and total of the tables still at risk,
        # then, if that is not enough, of every table.
        report = self.audit(protection)
        for everything in (False, True):
            if report["safe"].all():
                return
            at_risk = {r["_item"].grid for r in self._last if not r["safe"]}
            for k, g in enumerate(self.grids):
                if everything or k in at_risk:
                    hide = (g.cell == "published") & (g.counts > 0)
                    g.cell[:] = np.where(hide, "secondary", g.cell)
                    g.row_status = ["secondary"] * len(g.row_status)
                    g.col_status = ["secondary"] * len(g.col_status)
                    g.grand_status = "secondary"
            report = self.audit(protection)

    def _withheld(self, items: list[Item]) -> set[tuple[int, str, int, int]]:
        return {_key(it) for it in items if it.status(self.grids) != "published"}

    def _harmonise(
        self, items: list[Item], linked: dict[tuple[int, str, int, int], list[Item]]
    ) -> None:
        """A total published in one table is published in every table that shows it."""
        for group in {id(v): v for v in linked.values()}.values():
            if all(it.kind == "cell" for it in group):
                # One cell in two tables: withheld in one, withheld in both.
                if any(it.status(self.grids) != "published" for it in group):
                    for it in group:
                        if it.status(self.grids) == "published":
                            it.withhold(self.grids)
            elif any(it.status(self.grids) == "published" for it in group):
                for it in group:
                    if it.kind != "cell":
                        it.publish(self.grids)

    def _partners(self, it: Item, items: list[Item]) -> Iterator[Item]:
        """Published cells and totals whose withholding widens ``it``'s range."""
        # The same number published in another table pins it: withhold that first.
        for other in self._linked.get(_key(it), []):
            if other is not it and other.status(self.grids) == "published":
                yield other
        g = self.grids[it.grid]
        mine = [x for x in items if x.grid == it.grid]
        cells = [x for x in mine if x.kind == "cell"]
        if it.kind == "cell":
            near = [
                x
                for x in cells
                if (x.i == it.i) != (x.j == it.j) and (not g.one_way or x.i == it.i)
            ]
        elif it.kind == "row":
            near = [x for x in cells if x.i == it.i]
        elif it.kind == "column":
            near = [x for x in cells if x.j == it.j]
        else:
            near = [x for x in mine if x.kind in ("row", "column")]
        published = [x for x in near if x.status(self.grids) == "published"]
        # Prefer small non-zero cells, then the totals of other tables that the same
        # equation ties to this one (sex = the sex-age totals of that sex); zeros and
        # this table's own totals last.
        yield from sorted((x for x in published if x.value > 0), key=lambda x: x.value)
        for other in self._related.get((it.grid, it.kind, it.i, it.j), []):
            if other.status(self.grids) == "published" and other.value > 0:
                yield other
        yield from (x for x in published if x.value == 0)
        totals = [
            x
            for x in mine
            if x.kind != "cell"
            and x.status(self.grids) == "published"
            and (
                (x.kind == "row" and it.kind in ("cell", "row") and x.i == it.i)
                or (
                    x.kind == "column" and it.kind in ("cell", "column") and x.j == it.j
                )
                or x.kind == "grand"
            )
        ]
        yield from totals

    def render(self, tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
        """Put the solved pattern into the display tables recorded by this release."""
        out = {}
        for name, frame in tables.items():
            k = self.frames.get(id(frame))
            if k is None:
                out[name] = frame
                continue
            self.grids[k].name = name
            out[name] = self.grids[k].render()
        return out

    def grid(self, name: str) -> Grid | None:
        for g in self.grids:
            if g.name == name:
                return g
        return None


def _key(it: Item) -> tuple[int, str, int, int]:
    return (it.grid, it.kind, it.i, it.j)


def _safe(value: int, width: float, protection: int, threshold: int) -> bool:
    """Whether a withheld count's feasible range protects it.

    A count below the threshold needs the protection interval; a larger one must only
    not be exactly derivable; a zero names nobody.
    """
    if value == 0:
        return True
    if value < threshold:
        return width >= protection
    return width >= 1


def _difference(
    left: list[int], right: list[int]
) -> tuple[list[int], list[float], float]:
    return [*left, *right], [1.0] * len(left) + [-1.0] * len(right), 0.0


@contextmanager
def recording() -> Iterator[Release]:
    """Collect the count tables built inside the block into one release."""
    release = Release()
    token = RECORDER.set(release.record)
    try:
        yield release
    finally:
        RECORDER.reset(token)
