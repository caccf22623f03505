"""A linear-programming attacker on everything one municipal user can see of a monitor.

The attacker knows the published figures of every group the page offers, what each marker means
("<5" is 1-4, "onderdrukt" is 5 or more, a table that is not shown is anything), and every linear
relation between the groups and tables: rows add up to totals, the ladder and ZRM tables count
at most the group, starts add up to the group, a year's group starts only in that year, the
taking-part group has no one who left and the left group no one taking part, years and status
partition everyone, an activity's group and the rest add up to everyone. Groups the attacker
cannot see (refused years, the rest of an activity) are unknowns with the same relations; a
group refused as too small is known to have at most 9 people. Integrality is relaxed.

For every hidden cell it minimises and maximises the cell's value with scipy's linprog.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

from oogst.participants import disclosure
from oogst.participants.disclosure import Marker


@dataclass
class Group:
    key: str
    members: frozenset
    published: disclosure.Published | None  # None: the attacker sees nothing of it directly
    structure: str = ""  # "actief", "uitgestroomd", "year-2025" or ""
    at_most: int | None = None


class System:
    def __init__(self):
        self.index: dict = {}
        self.eq: list[tuple[dict, float]] = []
        self.ub: list[tuple[dict, float]] = []
        self.bounds: dict = {}

    def var(self, *key):
        if key not in self.index:
            self.index[key] = len(self.index)
            self.bounds[key] = (0, None)
        return key

    def equal(self, terms: dict, value=0.0):
        self.eq.append((terms, value))

    def at_most(self, terms: dict, value=0.0):
        self.ub.append((terms, value))

    def matrices(self, rows):
        matrix = np.zeros((len(rows), len(self.index)))
        values = np.zeros(len(rows))
        for r, (terms, value) in enumerate(rows):
            for key, coefficient in terms.items():
                matrix[r, self.index[key]] += coefficient
            values[r] = value
        return matrix, values

    def solve_range(self, key, *, integral=False) -> tuple[float, float]:
        a_eq, b_eq = self.matrices(self.eq)
        a_ub, b_ub = self.matrices(self.ub) if self.ub else (None, None)
        bounds = [self.bounds[k] for k in sorted(self.index, key=self.index.get)]
        result = []
        for sign in (1, -1):
            objective = np.zeros(len(self.index))
            objective[self.index[key]] = sign
            answer = linprog(
                objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds,
                method="highs", integrality=np.ones(len(bounds)) if integral else None,
            )  # fmt: skip
            assert answer.status in (0, 3), answer.message  # 3: unbounded above
            result.append(sign * answer.fun if answer.status == 0 else math.inf * sign)
        return result[0], result[1]


TABLES = ("reach", "phases", "outcomes", "movement", "started")


def table_names(layout):
    return [*TABLES, *(f"zrm:{domain}" for domain, _label in layout.zrm)]


def build_system(people, layout, target=None):
    """Everything the user can see for the monitor, as one linear system. Returns the system,
    the true value of every variable, and the hidden cells (variable keys) with their markers:
    cells shown as "<5" or "onderdrukt", and cells of 1-4 people in tables not shown (marker
    None)."""
    pages = {
        view.key: disclosure.publish(people, layout, view_key=view.key, target=target)
        for view in disclosure.decide_views(disclosure.candidate_views(people, layout))
    }
    whole = pages[""]
    everyone = whole.view.members
    groups = [Group("", everyone, None if whole.refused else whole)]
    families = {"year": [], "status": []}
    for key, page in pages.items():
        view = page.view
        if not key:
            continue
        visible = None if view.refused else page
        at_most = disclosure.MIN_GROUP - 1 if view.refused == disclosure.TOO_SMALL else None
        if view.family == "year":
            group = Group(key, view.members, visible, f"year-{key[5:]}", at_most)
            families["year"].append(group)
        elif view.family == "status":
            group = Group(key, view.members, visible, key[7:], at_most)
            families["status"].append(group)
        else:
            group = Group(key, view.members, visible, "", at_most)
            rest = Group(f"rest-{key}", everyone - view.members, None)
            groups.append(rest)
            families[f"activity-{key}"] = [group, rest]
        groups.append(group)

    system, truth, hidden, withheld = System(), {}, [], []
    for group in groups:
        counts = disclosure.true_counts([people[i] for i in sorted(group.members)], layout)
        size = system.var(group.key, "size")
        truth[size] = len(group.members)
        cells = {}
        for name in table_names(layout):
            cells[name] = {}
            for cell, value in counts[name].items():
                var = system.var(group.key, name, cell)
                cells[name][cell] = var
                truth[var] = value
        _relations(system, group, size, cells, layout)
        if group.at_most is not None:
            system.at_most({size: 1}, group.at_most)
        if group.published is not None:
            system.bounds[size] = (len(group.members),) * 2
            for name in table_names(layout):
                table = group.published.table(name)
                if table is None:
                    # Not shown: any value, but a small count in it must not be pinned either.
                    withheld += [(v, None) for c, v in cells[name].items() if 0 < truth[v] < 5]
                    continue
                for cell, figure in table.items():
                    var = cells[name][cell]
                    if figure.marker == Marker.SHOWN:
                        system.bounds[var] = (figure.value, figure.value)
                    elif figure.marker == Marker.SMALL:
                        system.bounds[var] = (1, 4)
                        hidden.append((var, figure))
                    else:
                        system.bounds[var] = (5, None)
                        hidden.append((var, figure))
    for family in families.values():
        for name in ["size", *table_names(layout)]:
            keys = [("size",)] if name == "size" else [(name, c) for c in truth_cells(truth, name)]
            for tail in keys:
                terms = {("", *tail): 1.0}
                for group in family:
                    terms[(group.key, *tail)] = terms.get((group.key, *tail), 0) - 1.0
                system.equal(terms)
    return system, truth, hidden + withheld, pages


def truth_cells(truth, name):
    return sorted({key[2] for key in truth if key[0] == "" and key[1] == name}, key=repr)


def _relations(system, group, size, cells, layout):
    reach = cells["reach"]
    system.equal({reach["active"]: 1, reach["exited"]: 1, size: -1})
    system.equal({**{v: 1 for v in cells["phases"].values()}, reach["active"]: -1})
    system.equal({**{v: 1 for v in cells["outcomes"].values()}, reach["exited"]: -1})
    system.equal({**{v: 1 for v in cells["started"].values()}, size: -1})
    for name in table_names(layout):
        if name == "movement" or name.startswith("zrm:"):
            system.at_most({**{v: 1 for v in cells[name].values()}, size: -1})
    zeros = []
    if group.structure == "actief":
        zeros = [reach["exited"], *cells["outcomes"].values()]
    elif group.structure == "uitgestroomd":
        zeros = [reach["active"], *cells["phases"].values()]
    elif group.structure.startswith("year-"):
        year = int(group.structure[5:])
        zeros = [var for (y, _q), var in cells["started"].items() if y != year]
    for var in zeros:
        system.equal({var: 1})


def attack(people, layout, target=None, *, integral=False):
    """Every hidden cell with its true value and the feasible (min, max) the attacker finds.

    `integral` makes every count a whole number (a mixed-integer programme): a stronger
    attacker than the relaxation, affordable for the demo."""
    system, truth, hidden, pages = build_system(people, layout, target)
    for terms, value in system.eq:
        assert math.isclose(sum(c * truth[k] for k, c in terms.items()), value), terms
    for terms, value in system.ub:
        assert sum(c * truth[k] for k, c in terms.items()) <= value + 1e-9, terms
    results = [
        (var, figure, truth[var], *system.solve_range(var, integral=integral))
        for var, figure in hidden
    ]
    return results, pages, truth


def check_markers(pages, truth):
    """Shown cells are the truth and 0 or 5+; "<5" only for 1-4; "onderdrukt" only for 5+."""
    for key, page in pages.items():
        if page.refused:
            continue
        for name, table in page.tables.items():
            for cell, figure in (table or {}).items():
                value = truth[(key, name, cell)]
                if figure.marker == Marker.SHOWN:
                    assert figure.value == value and (value == 0 or value >= 5), (key, name, cell)
                elif figure.marker == Marker.SMALL:
                    assert 1 <= value <= 4, (key, name, cell, value)
                else:
                    assert value >= 5, (key, name, cell, value)
