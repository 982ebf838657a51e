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

import re
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
class Extra:
    """A published sum of cells of one grid (a funnel step, an expected pending)."""

    row: str
    column: str
    terms: list[tuple[int, int, float]]
    status: str = "published"

    def value(self, counts: np.ndarray) -> int:
        return int(sum(c * int(counts[i, j]) for i, j, c in self.terms))


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
    #: Who is counted: tables of one population are linked by their margins.
    population: str = "victims"
    #: Which totals are published: "all" (row, column and grand), "grand", or "none"
    #: (the monthly returns print no totals).
    totals: str = "all"
    #: Cells never shown (the parts a table's published sums are made of: the cases
    #: that stop at each step of the funnel). They are withheld counts the audit
    #: protects when small; the solver never publishes them.
    hidden: np.ndarray | None = None
    #: Published sums of cells with coefficients: (row label, column label, terms
    #: [(i, j, coefficient)], status).
    extras: list[Extra] = field(default_factory=list)
    #: Equations the reader knows hold between cells (sum of coefficient * cell = 0),
    #: e.g. brought forward + new - disposed = pending in a balanced return.
    equations: list[list[tuple[int, int, float]]] = field(default_factory=list)
    #: Cells that hold no count (an empty cell of a return): shown empty, not modelled.
    empty: np.ndarray | None = None

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

    @classmethod
    def custom(
        cls,
        name: str,
        counts: np.ndarray,
        *,
        threshold: int,
        row_key: str,
        col_key: str,
        row_labels: list[str],
        col_labels: list[str],
        population: str,
        totals: str = "all",
        hidden: np.ndarray | None = None,
        empty: np.ndarray | None = None,
    ) -> Grid:
        """A count table that is not a tidy pattern (funnel, returns, quality...).

        Cells from 1 to ``threshold - 1`` are withheld (primary); hidden cells are
        ``primary`` when small and ``derived`` (never shown, nothing to protect)
        otherwise; every other cell and total starts published.
        """
        counts = np.asarray(counts, dtype=np.int64)
        small = (counts > 0) & (counts < threshold)
        cell = np.where(small, "primary", "published").astype(object)
        if hidden is not None:
            cell = np.where(hidden & ~small, "derived", cell).astype(object)
        if empty is not None:
            cell = np.where(empty, "published", cell).astype(object)
        n_rows, n_cols = counts.shape
        return cls(
            value="count",
            pattern={},
            threshold=threshold,
            counts=counts,
            cell=cell,
            row_status=["published"] * n_rows,
            col_status=["published"] * n_cols,
            grand_status="published",
            row_labels=row_labels,
            col_labels=col_labels,
            row_key=row_key,
            col_key=col_key,
            one_way=False,
            name=name,
            population=population,
            totals=totals,
            hidden=hidden,
            empty=empty,
        )

    def add_sum(
        self, row: str, column: str, terms: list[tuple[int, int, float]]
    ) -> int:
        """Publish a sum of cells (withheld from the start when a small count)."""
        e = Extra(row, column, terms)
        value = e.value(self.counts)
        if 0 < value < self.threshold:
            e.status = "primary"
        self.extras.append(e)
        return len(self.extras) - 1

    def status_of_sum(self, k: int) -> str:
        return self.extras[k].status

    def shown(self, i: int, j: int) -> bool:
        """Whether cell (i, j) is published as a number (not hidden, not empty)."""
        return str(self.cell[i, j]) == "published" and not (
            self.empty is not None and self.empty[i, j]
        )

    def _merge_one_way(self) -> None:
        """A one-way table's cells are also its column totals: the solved cells rule.

        The release solves the cells (a one-way table has no separate column
        totals), so the totals shown take the cells' statuses.
        """
        self.col_status = [str(s) for s in self.cell[0]]

    @property
    def shape(self) -> tuple[int, int]:
        return self.counts.shape  # type: ignore[return-value]

    def render(self) -> pl.DataFrame:
        p = dict(self.pattern)
        if self.one_way:
            self.row_status = [self.grand_status] * len(self.row_status)
            self._merge_one_way()
        p["cells"] = p["cells"].with_columns(
            pl.Series(f"{self.value}_status", [str(s) for s in self.cell.ravel()])
        )
        p["row_total_status"] = self.row_status
        p["column_total_status"] = self.col_status
        p["grand_total_status"] = self.grand_status
        return render_pattern(p, value=self.value)


@dataclass
class Item:
    """A cell, total or published sum of one grid: the variables it sums, its value."""

    grid: int
    kind: str  # "cell", "row", "column", "grand", "extra" (i: index of the sum)
    i: int
    j: int
    variables: list[int]
    value: int
    coefs: list[float] | None = None

    def coefficients(self) -> list[float]:
        return self.coefs if self.coefs is not None else [1.0] * len(self.variables)

    def status(self, grids: list[Grid]) -> str:
        g = grids[self.grid]
        if self.kind == "cell":
            return str(g.cell[self.i, self.j])
        if self.kind == "row":
            return g.row_status[self.i]
        if self.kind == "column":
            return g.col_status[self.j]
        if self.kind == "extra":
            return g.extras[self.i].status
        return g.grand_status

    def withhold(self, grids: list[Grid]) -> None:
        g = grids[self.grid]
        if self.kind == "cell":
            if str(g.cell[self.i, self.j]) == "published":
                g.cell[self.i, self.j] = "secondary"
        elif self.kind == "row":
            g.row_status[self.i] = "secondary"
        elif self.kind == "column":
            g.col_status[self.j] = "secondary"
        elif self.kind == "extra":
            g.extras[self.i].status = "secondary"
        else:
            g.grand_status = "secondary"

    def publish(self, grids: list[Grid]) -> None:
        g = grids[self.grid]
        if self.kind == "cell":
            if g.hidden is None or not g.hidden[self.i, self.j]:
                g.cell[self.i, self.j] = "published"
        elif self.kind == "row":
            g.row_status[self.i] = "published"
        elif self.kind == "column":
            g.col_status[self.j] = "published"
        elif self.kind == "extra":
            g.extras[self.i].status = "published"
        elif self.kind == "grand":
            g.grand_status = "published"

    def where(self, grids: list[Grid]) -> tuple[str, str, str]:
        g = grids[self.grid]
        if self.kind == "extra":
            e = g.extras[self.i]
            return g.name, e.row, e.column
        row = g.row_labels[self.i] if self.kind in ("cell", "row") else "Total"
        col = g.col_labels[self.j] if self.kind in ("cell", "column") else "Total"
        return g.name, row, col


@dataclass
class Release:
    """The count tables of one release, with the links between their margins."""

    grids: list[Grid] = field(default_factory=list)
    frames: dict[int, int] = field(default_factory=dict)  # id(display frame) -> grid
    #: The province of each district (from the records): a district table sums to
    #: the province table.
    places: dict[str, str] = field(default_factory=dict)

    def add(self, grid: Grid) -> Grid:
        """Take a table built outside a tidy pattern into the release."""
        grid.key = ("custom", grid.name)
        self.grids.append(grid)
        return grid

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
                g._merge_one_way()
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
            if g.totals == "all" and not g.one_way:
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
            if g.totals != "none":
                out.append(
                    Item(k, "grand", 0, 0, var.ravel().tolist(), int(g.counts.sum()))
                )
            for e_index, e in enumerate(g.extras):
                out.append(
                    Item(
                        k,
                        "extra",
                        e_index,
                        0,
                        [int(var[i, j]) for i, j, _ in e.terms],
                        e.value(g.counts),
                        [float(c) for _, _, c in e.terms],
                    )
                )
        return out

    def n_variables(self) -> int:
        return sum(g.shape[0] * g.shape[1] for g in self.grids)

    def links(self, items: list[Item]) -> list[list[Item]]:
        """Groups of margins that are the same quantity (same key, level and count)."""
        groups: dict[tuple[Any, ...], list[Item]] = {}
        for it in items:
            g = self.grids[it.grid]
            if it.kind == "extra":
                continue
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
            groups.setdefault((g.population, *key), []).append(it)
        return [v for v in groups.values() if len(v) > 1]

    def conditions(self, it: Item) -> tuple[str, dict[str, str]] | None:
        """Who an item counts: its population and the levels it is restricted to.

        Derived levels are added (a sex-age gives the sex and the age group, a country
        its citizenship, a month its year, a district its province), and a level that
        names a population moves the item into it (the victim row of the table by
        role counts victims). None for a published sum and a hidden cell.
        """
        g = self.grids[it.grid]
        if it.kind == "extra" or (g.hidden is not None and it.kind == "cell"):
            return None
        cond: dict[str, str] = {}
        row_keys = [k for k in g.row_key.split(" / ") if k] if not g.one_way else []
        if it.kind in ("cell", "row") and row_keys:
            labels = g.row_labels[it.i].split(" / ")
            if len(labels) == len(row_keys):
                cond.update(zip(row_keys, labels, strict=True))
        if it.kind in ("cell", "column") and g.col_key and g.col_key != g.value:
            cond[g.col_key] = g.col_labels[it.j]
        return _canonical(g.population, cond, self.places)

    def relations(self, items: list[Item]) -> list[tuple[Item, list[Item]]]:
        """Every published quantity that is a sum of quantities of another table.

        For an item restricted to some levels (say, female victims), each other table
        of the same population is searched for the items, at its coarsest margin that
        shows those levels, whose levels refine them (woman and girl; or the districts
        of a province, the months of a year): the item is their sum. The sums are
        kept when the counts agree, so a relation is only assumed where it holds in
        the data.
        """
        conds = [self.conditions(it) for it in items]
        by_grid: dict[int, dict[str, list[int]]] = {}
        for n, it in enumerate(items):
            if conds[n] is not None:
                by_grid.setdefault(it.grid, {}).setdefault(it.kind, []).append(n)
        index: dict[tuple[int, str, tuple[str, ...]], dict[Any, list[int]]] = {}

        def parts_of(k: int, kind: str, names: tuple[str, ...]) -> dict[Any, list[int]]:
            key = (k, kind, names)
            if key not in index:
                table: dict[Any, list[int]] = {}
                for n in by_grid[k].get(kind, []):
                    pop, cond = conds[n]  # type: ignore[misc]
                    if all(v in cond for v in names):
                        table.setdefault(
                            (pop, tuple(cond[v] for v in names)), []
                        ).append(n)
                index[key] = table
            return index[key]

        out = []
        for n, it in enumerate(items):
            if conds[n] is None:
                continue
            pop, cond = conds[n]  # type: ignore[misc]
            names = tuple(sorted(cond))
            wanted = (pop, tuple(cond[v] for v in names))
            for k in by_grid:
                if k == it.grid:
                    continue
                for kind in ("grand", "row", "column", "cell"):
                    found = parts_of(k, kind, names).get(wanted)
                    if found and sum(items[m].value for m in found) == it.value:
                        out.append((it, [items[m] for m in found]))
                        break
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
        from scipy.sparse import lil_matrix

        items = self.items()
        n = self.n_variables()
        rows: list[tuple[list[int], list[float], float]] = []
        lower = np.zeros(n)
        upper = np.full(n, np.inf)
        for g in self.grids:
            # A return may hold a negative count (a finding of the balance checks).
            size = g.shape[0] * g.shape[1]
            lower[g.offset : g.offset + size] = np.minimum(g.counts.ravel(), 0)
        for it in items:
            if it.status(self.grids) != "published":
                continue
            if it.kind == "cell":
                lower[it.variables[0]] = upper[it.variables[0]] = it.value
            else:
                rows.append((it.variables, it.coefficients(), it.value))
        for group in self.links(items):
            first = group[0]
            for other in group[1:]:
                rows.append(_difference(first.variables, other.variables))
        for total, parts in self.relations(items):
            left = [v for p in parts for v in p.variables]
            rows.append(_difference(left, total.variables))
        for g in self.grids:
            for equation in g.equations:
                idx = [g.offset + i * g.shape[1] + j for i, j, _ in equation]
                rows.append((idx, [c for _, _, c in equation], 0.0))
        m = max(len(rows), 1)
        lil = lil_matrix((m, n))
        b = np.zeros(m)
        for r, (idx, coef, rhs) in enumerate(rows):
            for v, c in zip(idx, coef, strict=True):
                lil[r, v] += c
            b[r] = rhs
        a = lil.tocsr()
        problems = _Components(a, b, lower, upper)

        def bound(c: np.ndarray) -> tuple[bool, float]:
            # The programme falls apart into independent blocks (tables tied by no
            # published number): bound each block the objective touches and add.
            total = float(c[problems.fixed] @ lower[problems.fixed])
            for block in problems.blocks_of(np.flatnonzero(c)):
                ok, value = block.bound(c, exact=exact)
                if not ok:
                    return False, float("nan")
                total += value
            return True, total

        records = []
        for it in items:
            status = it.status(self.grids)
            if status in ("published", "derived") or (
                only is not None and _key(it) not in only
            ):
                continue
            g = self.grids[it.grid]
            p = protection if protection is not None else g.threshold
            if it.value == 0:
                low, high = 0.0, float("nan")
            else:
                c = np.zeros(n)
                np.add.at(c, it.variables, it.coefficients())
                bounded_low, f_low = bound(c)
                bounded, f_high = bound(-c)
                # A sum with negative terms (expected pending) may have no lower bound.
                low = float(round(f_low)) if bounded_low else float("-inf")
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
        for total, parts in self.relations(items):
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
                    hide = (g.cell == "published") & (g.counts != 0)
                    if g.empty is not None:
                        hide &= ~g.empty
                    g.cell[:] = np.where(hide, "secondary", g.cell)
                    for e in g.extras:
                        e.status = "secondary"
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
        if g.extras or g.equations:
            # A table of published sums and known equations (the funnel, the
            # returns): the cells and sums that share a sum or an equation with it.
            groups = [{(i, j) for i, j, _ in e.terms} for e in g.extras]
            groups += [{(i, j) for i, j, _ in eq} for eq in g.equations]
            if it.kind == "cell":
                mine_terms = {(it.i, it.j)}
            else:
                mine_terms = {(i, j) for i, j, _ in g.extras[it.i].terms}
            near_terms = set().union(*(t for t in groups if t & mine_terms))
            candidates = [
                x
                for x in mine
                if x is not it
                and (
                    (x.kind == "cell" and (x.i, x.j) in near_terms)
                    or (
                        x.kind == "extra"
                        and {(i, j) for i, j, _ in g.extras[x.i].terms} & near_terms
                    )
                )
                and x.status(self.grids) == "published"
                and (g.empty is None or x.kind != "cell" or not g.empty[x.i, x.j])
            ]

            def direct(x: Item) -> bool:
                # A sum holding this cell, or a cell of this sum: what pins it first.
                if x.kind == "extra":
                    terms = {(i, j) for i, j, _ in g.extras[x.i].terms}
                    return bool(terms & mine_terms)
                return (x.i, x.j) in mine_terms

            yield from sorted(
                candidates,
                key=lambda x: (
                    not direct(x),
                    x.value == 0,
                    x.kind == "extra",
                    x.value,
                ),
            )
            return
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


#: Age group of each sex-age level.
_AGE_OF = {"woman": "adult", "man": "adult", "girl": "child", "boy": "child"}
#: Crime types counted as victims (``_persons``: tip or both, or not recorded).
_VICTIM_CRIMES = {"tip", "both", "unknown"}
_MONTH = re.compile(r"^(\d{4})-\d{2}$")


def _canonical(
    population: str, cond: dict[str, str], places: dict[str, str]
) -> tuple[str, dict[str, str]]:
    """Add the levels a level implies and move population-naming levels out."""
    c = dict(cond)
    if "age_band" in c:
        c.setdefault("age_group", c.pop("age_band"))
    sex_age = c.get("sex_age")
    if sex_age in _AGE_OF:
        c.setdefault("sex", _SEX_OF[sex_age])
        c.setdefault("age_group", _AGE_OF[sex_age])
    elif sex_age == "transgender":
        c.setdefault("sex", "transgender")
    elif sex_age is None and (c.get("age_group"), c.get("sex")) in _SEX_AGE_OF:
        c["sex_age"] = _SEX_AGE_OF[(c["age_group"], c["sex"])]
    country = c.get("nationality")
    if country is not None and "citizenship" not in c:
        c["citizenship"] = (
            "national"
            if country == "PAK"
            else "unknown"
            if country in ("unknown", "None", "")
            else "foreign"
        )
    month = c.get("month")
    if month is not None and "year" not in c and (m := _MONTH.match(month)):
        c["year"] = m.group(1)
    district = c.get("district")
    if district is not None and "province" not in c and district in places:
        c["province"] = places[district]
    if population == "persons" and c.get("role") == "victim":
        population = "victims"
        del c["role"]
    if population == "victims_and_smuggled" and c.get("crime_type") in _VICTIM_CRIMES:
        population = "victims"
        del c["crime_type"]
    return population, c


class _Block:
    """One connected block of the audit's programme: its free cells and equations."""

    def __init__(
        self,
        a: Any,
        b: np.ndarray,
        lower: np.ndarray,
        upper: np.ndarray,
        columns: np.ndarray,
    ) -> None:
        self.columns = columns
        self.a, self.b = a, b
        self.lower, self.upper = lower, upper

    def bound(self, c: np.ndarray, *, exact: bool) -> tuple[bool, float]:
        from scipy.optimize import Bounds, LinearConstraint, linprog, milp

        cost = c[self.columns]
        box = list(zip(self.lower, self.upper, strict=True))
        if self.a.shape[0]:
            r = linprog(cost, A_eq=self.a, b_eq=self.b, bounds=box, method="highs")
        else:
            r = linprog(cost, bounds=box, method="highs")
        if r.status == 2:
            msg = "the release's published numbers contradict each other"
            raise DisclosureError(msg)
        if exact and r.status == 0 and not np.allclose(r.x, np.round(r.x)):
            # The relaxation's optimum is fractional: solve the integer programme
            # (an integral optimum of the relaxation is the integer optimum).
            constraints = (
                [LinearConstraint(self.a, self.b, self.b)] if self.a.shape[0] else []
            )
            r = milp(
                cost,
                constraints=constraints,
                bounds=Bounds(self.lower, self.upper),
                integrality=np.ones(len(cost)),
            )
        return r.status == 0, float(r.fun) if r.status == 0 else float("nan")


class _Components:
    """Split the audit's programme into blocks of free cells tied by equations.

    A published cell is a constant; two free cells are in one block when an equation
    holds both. Bounding a sum over cells of several blocks is bounding each block's
    part: the blocks share no constraint.
    """

    def __init__(
        self, a: Any, b: np.ndarray, lower: np.ndarray, upper: np.ndarray
    ) -> None:
        from scipy.sparse.csgraph import connected_components

        self.fixed = lower == upper
        free = np.flatnonzero(~self.fixed)
        csc = a.tocsc()
        rhs = b - csc[:, self.fixed] @ lower[self.fixed]
        part = csc[:, free]
        pattern = (part != 0).astype(np.int8)
        n_blocks, labels = connected_components(
            (pattern.T @ pattern).tocsr(), directed=False
        )
        self.block_of = np.full(len(lower), -1)
        self.block_of[free] = labels
        rows_of = pattern.tocsr()
        self._blocks: dict[int, _Block] = {}
        self._make = (part, rhs, lower, upper, free, labels, rows_of, n_blocks)

    def blocks_of(self, variables: np.ndarray) -> list[_Block]:
        part, rhs, lower, upper, free, labels, rows_of, _ = self._make
        out = []
        for k in sorted({int(self.block_of[v]) for v in variables} - {-1}):
            if k not in self._blocks:
                mine = np.flatnonzero(labels == k)
                rows = np.flatnonzero(
                    np.asarray(rows_of[:, mine].sum(axis=1)).ravel() > 0
                )
                self._blocks[k] = _Block(
                    part[rows][:, mine],
                    rhs[rows],
                    lower[free[mine]],
                    upper[free[mine]],
                    free[mine],
                )
            out.append(self._blocks[k])
        return out


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
