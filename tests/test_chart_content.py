"""Charts tested for what they show, not only for drawing the same thing twice.

Every chart of the course is drawn as a student meets it: each public ``draw_*`` function
in ``helpers/`` with the arguments a notebook passes it (or, if no notebook calls it, its
defaults or the starting values of the sliders named after its arguments), and each live
chart (a ``helpers.style.LiveChart`` in an ``explore(...)`` cell) at the sliders' starting
values, at each end of every slider (the others at their start) and at the corners of the
sliders' ranges (every slider at one end or the other: all 2**n corners for up to five
sliders, else all low and all high). Arguments and slider ranges are read from the notebooks,
so a notebook that changes a range is tested at its new ends.

Four checks on each drawing (laid out by the Agg renderer):

- inside: every plotted point (line data, scatter offsets, the corners of bars and spans,
  the point an annotation marks) lies inside the axes' view limits;
- apart: no two visible texts overlap (tick labels, axis labels, direct labels, bar labels,
  summaries, the source line) and none runs off the figure; tick labels that matplotlib
  places itself are not checked against each other;
- labelled: every series (a line, a bar group, a histogram, a span, a set of range bars)
  has a legend entry, a direct label near it in its colour (or in black), a row label on a
  category axis, or a label naming its colour or line style ("(grey)", "dashed"). One data
  series an axes may leave to its axis labels; a reference line across the axes may not;
- sourced: the source line (``style.add_source``) is there, under the axes, at most two lines
  long, and names the sources of the values drawn where they are known (``CHART_SOURCES``).

Defects of today's charts that these checks find are listed in ``KNOWN_DEFECTS`` and marked
as expected failures (strict: fixing one makes its test say so).
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import inspect
import itertools
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.category import StrCategoryLocator
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgb
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import StepPatch
from matplotlib.text import Annotation, Text
from matplotlib.ticker import FixedLocator
from matplotlib.transforms import Bbox

import helpers
from helpers import language, sources, style
from helpers.money import economy_usd
from helpers.timeline import casualty_estimates, deployment_totals, forecast_outcomes

from nbtools import english_words, notebook_paths, read

# --- The charts, and the arguments the notebooks draw them with -------------------------------

HELPER_MODULES = [
    importlib.import_module(f"helpers.{info.name}")
    for info in pkgutil.iter_modules(helpers.__path__)
    if not info.ispkg and not info.name.startswith("_")
]


def _public(module) -> dict[str, object]:
    return {
        name: obj
        for name, obj in vars(module).items()
        if not name.startswith("_") and getattr(obj, "__module__", None) == module.__name__
    }


DRAW_FUNCTIONS: dict[str, Callable[..., Figure]] = {
    name: obj
    for module in HELPER_MODULES
    for name, obj in _public(module).items()
    if name.startswith("draw_") and inspect.isfunction(obj)
}
LIVE_CHART_CLASSES: dict[str, type[style.LiveChart]] = {
    name: obj
    for module in HELPER_MODULES
    for name, obj in _public(module).items()
    if inspect.isclass(obj) and issubclass(obj, style.LiveChart) and obj is not style.LiveChart
}


@dataclass
class Call:
    """A ``draw_*(...)`` call in a notebook, with its arguments' values there."""

    notebook: str
    cell: int
    name: str
    args: tuple
    kwargs: dict


@dataclass
class Explorer:
    """An ``explore(SomeChart(), name=slider, ...)`` cell: the chart and its sliders."""

    notebook: str
    chart: str
    make: Callable[[], style.LiveChart]
    sliders: dict[str, tuple[object, object, object]]  # name: (start, low, high)


def _called_name(node: ast.AST) -> str:
    func = node.func if isinstance(node, ast.Call) else node
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _draws(statement: ast.stmt) -> bool:
    return any(
        _called_name(node).startswith("draw_") or _called_name(node) == "explore"
        for node in ast.walk(statement)
        if isinstance(node, ast.Call)
    )


def _read_notebooks() -> tuple[list[Call], list[Explorer]]:
    """The ``draw_*`` calls and ``explore`` cells of the notebooks, with their arguments.

    Each notebook's imports and assignments run in order (nothing else: no checks, no
    display), so an argument such as ``losses_per_day`` has the value it has where the chart
    is drawn. Sliders are made as the notebook makes them and read back: start, min and max.
    """
    calls, explorers = [], []
    for path in notebook_paths(language="en"):  # the Dutch twins draw the same: see below
        space: dict[str, object] = {}

        def value(node: ast.expr, space=space, path=path) -> object:
            return eval(compile(ast.Expression(node), path.name, "eval"), space)

        for index, cell in enumerate(read(path).cells):
            if cell.cell_type != "code":
                continue
            code = "\n".join(
                line for line in cell.source.splitlines() if not line.lstrip().startswith("%")
            )
            for statement in ast.parse(code).body:
                if isinstance(statement, ast.Import | ast.ImportFrom | ast.Assign | ast.AnnAssign):
                    if not _draws(statement):
                        # An assignment that fails uses a student's blank (...): no chart needs it.
                        with contextlib.suppress(Exception):
                            exec(compile(ast.Module([statement], []), path.name, "exec"), space)
                    continue
                if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
                    continue
                call = statement.value
                name = _called_name(call)
                if name.startswith("draw_"):
                    args: list = []
                    for node in call.args:
                        args += (
                            value(node.value) if isinstance(node, ast.Starred) else [value(node)]
                        )
                    kwargs: dict = {}
                    for keyword in call.keywords:
                        if keyword.arg is None:
                            kwargs |= value(keyword.value)
                        else:
                            kwargs[keyword.arg] = value(keyword.value)
                    calls.append(Call(path.stem, index, name, tuple(args), kwargs))
                elif name == "explore":
                    maker = call.args[0]
                    chart = value(maker.func)
                    chart_args = tuple(value(a) for a in maker.args)
                    sliders = {}
                    for keyword in call.keywords:
                        slider = value(keyword.value)
                        sliders[keyword.arg] = (slider.value, slider.min, slider.max)
                    explorers.append(
                        Explorer(
                            path.stem, chart.__name__, lambda c=chart, a=chart_args: c(*a), sliders
                        )
                    )
    return calls, explorers


NOTEBOOK_CALLS, EXPLORERS = _read_notebooks()


@dataclass
class Case:
    """One chart at one set of values; ``chart`` names its draw function or live chart."""

    id: str
    chart: str
    make: Callable[[], Figure]
    arguments: dict[str, object] = field(default_factory=dict)
    start: bool = True  # drawn at the notebook's (sourced) values, not at a slider's end


def _bound(func: Callable, args: tuple, kwargs: dict) -> dict[str, object]:
    bound = inspect.signature(func).bind(*args, **kwargs)
    bound.apply_defaults()
    return dict(bound.arguments)


def _draw_cases() -> list[Case]:
    cases = []
    names = [call.name for call in NOTEBOOK_CALLS]
    for call in NOTEBOOK_CALLS:
        func = DRAW_FUNCTIONS[call.name]
        where = f"{call.notebook[:2]}-{call.name}"
        if names.count(call.name) > 1:
            where += f"-cell{call.cell}"
        make = lambda f=func, c=call: f(*c.args, **c.kwargs)  # noqa: E731
        cases.append(Case(where, call.name, make, _bound(func, call.args, call.kwargs)))
    for name, func in sorted(DRAW_FUNCTIONS.items()):
        if name in names:
            continue
        parameters = inspect.signature(func).parameters
        needed = {p.name for p in parameters.values() if p.default is p.empty}
        if not needed:
            cases.append(Case(f"{name}-defaults", name, func, _bound(func, (), {})))
            continue
        # A live chart's one-off twin: the starting values of sliders named after its arguments.
        found = [e for e in EXPLORERS if needed <= set(e.sliders)]
        if not found:

            def unknown(name=name):
                raise AssertionError(
                    f"no notebook draws {name}: give it defaults or a notebook call"
                )

            cases.append(Case(f"{name}-no-arguments", name, unknown))
            continue
        values = {k: v[0] for k, v in found[0].sliders.items() if k in parameters}
        make = lambda f=func, v=values: f(**v)  # noqa: E731
        cases.append(Case(f"{name}-slider-start", name, make, _bound(func, (), values)))
    return cases


CORNERS_UP_TO = 32  # every corner of the sliders' ranges, for up to five sliders


def _positions(sliders: dict[str, tuple[object, object, object]]) -> Iterator[tuple[str, dict]]:
    """Slider positions: the start, each slider at each end (the others at their start), and
    the corners: every slider at one end (all of them up to ``CORNERS_UP_TO``, else all low
    and all high)."""
    start = {name: s[0] for name, s in sliders.items()}
    yield "start", start
    for name, (_, low, high) in sliders.items():
        yield f"{name}-min", start | {name: low}
        yield f"{name}-max", start | {name: high}
    ends = list(itertools.product(("min", "max"), repeat=len(sliders)))
    if len(ends) > CORNERS_UP_TO:
        ends = [ends[0], ends[-1]]
    for corner in ends:
        values = {
            name: s[1 if end == "min" else 2]
            for (name, s), end in zip(sliders.items(), corner, strict=True)
        }
        yield _corner(sliders, corner), values


def _corner(sliders, corner: tuple[str, ...]) -> str:
    """'all-min', 'all-max' or 'soldiers=min,losses_per_day=max' (in the sliders' order)."""
    if len(set(corner)) == 1:
        return f"all-{corner[0]}"
    return ",".join(f"{name}={end}" for name, end in zip(sliders, corner, strict=True))


def _live_cases() -> list[Case]:
    return [
        Case(
            f"{explorer.chart}-{where}",
            explorer.chart,
            lambda e=explorer, v=values: _live_chart(e).update(**v),
            values,
            start=where == "start",
        )
        for explorer in EXPLORERS
        for where, values in _unique(_positions(explorer.sliders))
    ]


def _unique(positions: Iterator[tuple[str, dict]]) -> Iterator[tuple[str, dict]]:
    seen = []
    for where, values in positions:
        if values not in seen:
            seen.append(values)
            yield where, values


CASES = _draw_cases() + _live_cases()


def test_every_chart_is_drawn_here():
    drawn = {case.chart for case in CASES}
    assert set(DRAW_FUNCTIONS) <= drawn, f"draw functions not tested: {set(DRAW_FUNCTIONS) - drawn}"
    missing = set(LIVE_CHART_CLASSES) - drawn
    assert not missing, f"live charts that no notebook's explore() cell drives: {missing}"
    assert len({case.id for case in CASES}) == len(CASES), "two cases with one id"


# --- Drawing: each case once, for its four checks --------------------------------------------

_LIVE: dict[int, style.LiveChart] = {}  # one chart per explore() cell, moved like a slider moves it
_DRAWN: dict[str, tuple[Figure, object]] = {}


def _live_chart(explorer: Explorer) -> style.LiveChart:
    if id(explorer) not in _LIVE:
        _LIVE[id(explorer)] = explorer.make()
    return _LIVE[id(explorer)]


def _drawn(case: Case) -> tuple[Figure, object]:
    """The case's figure laid out by Agg, and the renderer (kept while its checks run)."""
    if case.id not in _DRAWN:
        _forget(live=False)
        fig = case.make()
        # A live chart keeps its canvas, and so its renderer's memory of text sizes.
        canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
        # canvas.draw() without painting the pixels: every artist is placed and every text
        # measured by the Agg renderer as in a real drawing, in half the time.
        fig.draw_without_rendering()
        _DRAWN[case.id] = fig, canvas.get_renderer()
    return _DRAWN[case.id]


def _forget(live: bool) -> None:
    """Close the figures drawn so far (and the live charts' figures too if ``live``)."""
    kept = {id(chart.fig) for chart in _LIVE.values()} if not live else set()
    figures = [fig for fig, _ in _DRAWN.values()]
    if live:
        figures += [chart.fig for chart in _LIVE.values()]
        _LIVE.clear()
    for fig in figures:
        if id(fig) not in kept:
            fig.clear()
            plt.close(fig)
    _DRAWN.clear()


@pytest.fixture(scope="module", autouse=True)
def _close_figures_at_the_end():
    yield
    _forget(live=True)


# --- What a drawing holds: series, plotted points and texts ---------------------------------

TOLERANCE = 1e-6  # of the axes' width or height: rounding, not a visible step
PIXEL = 1.0  # texts may touch by a pixel (their boxes hold a font's whole line height)
NEAR_POINTS = 24  # a direct label lies within a third of an inch of its series
NAMED_COLOURS = {**style.PALETTE, "grey": style.GREY}
LINE_STYLES = {"--": "dashed", ":": "dotted", "-.": "dash-dot"}


def _finite(points) -> np.ndarray:
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    return points[np.isfinite(points).all(axis=1)]


def _colour_name(colour) -> str:
    rgb = np.array(to_rgb(colour))
    for name, hex_ in NAMED_COLOURS.items():
        if np.allclose(rgb, to_rgb(hex_), atol=0.01):
            return name
    return "grey" if np.ptp(rgb) < 0.02 else str(colour)


def _densify(points: np.ndarray, closed: bool = False, step: float = 2.0) -> np.ndarray:
    """Points every ``step`` pixels along a polyline (given in display pixels)."""
    points = _finite(points)
    if len(points) < 2:
        return points
    if closed:
        points = np.vstack([points, points[:1]])
    pieces = [points[:1]]
    for a, b in itertools.pairwise(points):
        count = max(int(np.hypot(*(b - a)) // step), 1)
        pieces.append(a + (b - a) * (np.arange(1, count + 1)[:, None] / count))
    return np.vstack(pieces)


@dataclass
class Series:
    """A series as drawn, in display pixels: its outline (dense) and its data points."""

    name: str
    artist: object
    outline: np.ndarray
    points: np.ndarray
    colour: str
    style: str = ""  # "dashed", "dotted" ...
    across: bool = False  # a reference line or span drawn across the axes, not data

    @property
    def words(self) -> set[str]:
        """Words a label may use to name it: its colour or its line style."""
        words = {self.colour, self.style} - {""}
        if self.colour == "grey":
            words |= {"gray", "shaded"}
        return words


def _across(artist, ax: Axes) -> bool:
    return not artist.get_transform().contains_branch(ax.transData)


def _dash_style(collection: LineCollection) -> str:
    dashes = collection.get_linestyle()[0][1]
    if not dashes:
        return ""
    if len(dashes) > 2:
        return "dash-dot"
    return "dotted" if dashes[0] < dashes[1] else "dashed"


def _series(ax: Axes) -> list[Series]:
    found = []
    in_bar_groups = set()
    for container in ax.containers:
        if not isinstance(container, BarContainer):
            continue
        in_bar_groups.update(id(bar) for bar in container.patches)
        bars = [bar for bar in container.patches if bar.get_visible()]
        if not bars:
            continue
        corners = [bar.get_transform().transform(bar.get_path().vertices)[:4] for bar in bars]
        colour = _colour_name(bars[0].get_facecolor())
        found.append(
            Series(
                f"{colour} bars",
                container,
                np.vstack([_densify(c, closed=True) for c in corners]),
                np.array([c.mean(axis=0) for c in corners]),
                colour,
            )
        )
    for line in ax.lines:
        points = _finite(line.get_transform().transform(_finite(line.get_xydata())))
        if not line.get_visible() or not len(points):
            continue
        joined = line.get_linestyle() not in ("None", "none", " ", "")
        colour = _colour_name(line.get_color())
        label = line.get_label()
        found.append(
            Series(
                label if not label.startswith("_") else f"{colour} line",
                line,
                _densify(points) if joined else points,
                points,
                colour,
                LINE_STYLES.get(line.get_linestyle(), ""),
                _across(line, ax),
            )
        )
    for collection in ax.collections:
        if not collection.get_visible():
            continue
        if isinstance(collection, LineCollection):
            segments = [
                collection.get_transform().transform(_finite(s)) for s in collection.get_segments()
            ]
            if not segments:
                continue
            colour = _colour_name(collection.get_edgecolor()[0])
            how = _dash_style(collection)
            found.append(
                Series(
                    f"{colour} {how} lines".replace("  ", " "),
                    collection,
                    np.vstack([_densify(s) for s in segments]),
                    np.vstack(segments),
                    colour,
                    how,
                    _across(collection, ax),
                )
            )
        elif isinstance(collection, PathCollection):
            offsets = collection.get_offset_transform().transform(collection.get_offsets())
            colour = _colour_name(collection.get_facecolor()[0])
            found.append(Series(f"{colour} points", collection, offsets, offsets, colour))
        else:
            paths = [
                collection.get_transform().transform(p.vertices) for p in collection.get_paths()
            ]
            if not paths:
                continue
            outline = np.vstack([_densify(p) for p in paths])
            colour = _colour_name(collection.get_facecolor()[0])
            found.append(Series(f"{colour} areas", collection, outline, outline, colour))
    for patch in ax.patches:
        if id(patch) in in_bar_groups or not patch.get_visible():
            continue
        points = patch.get_transform().transform(patch.get_path().vertices)
        colour = _colour_name(patch.get_facecolor() if patch.get_fill() else patch.get_edgecolor())
        kind = {"StepPatch": "histogram", "Rectangle": "rectangle", "Polygon": "area"}
        found.append(
            Series(
                f"{colour} {kind.get(type(patch).__name__, type(patch).__name__)}",
                patch,
                _densify(points),
                _finite(points),
                colour,
                across=_across(patch, ax),
            )
        )
    return found


def _plotted_points(ax: Axes) -> Iterator[tuple[str, np.ndarray]]:
    """Every plotted point of the axes in display pixels, with a name for a failure message."""
    for series in _series(ax):
        if isinstance(series.artist, BarContainer):
            for bar in series.artist.patches:
                if bar.get_visible():
                    x, y = bar.get_xy()
                    yield (
                        f"{series.name}: the bar from ({x:.4g}, {y:.4g}) of size "
                        f"{bar.get_width():.4g} x {bar.get_height():.4g}",
                        bar.get_transform().transform(bar.get_path().vertices),
                    )
        elif isinstance(series.artist, StepPatch):
            # A histogram draws nothing over its empty bins (a line on its baseline, hidden by
            # the axis): only the bins that hold something must lie inside the axes.
            values, edges, baseline = series.artist.get_data()
            held = np.flatnonzero(np.asarray(values) != (baseline or 0))
            corners = [(edges[i + d], v) for i in held for d in (0, 1) for v in (0, values[i])]
            yield series.name, series.artist.get_transform().transform(np.reshape(corners, (-1, 2)))
        else:
            yield series.name, series.points
    for text in ax.texts:
        if isinstance(text, Annotation) and _shown_or_marks(text) and text.xycoords == "data":
            points = [text.xy, text.xyann] if text.anncoords == "data" else [text.xy]
            numbers = [(ax.xaxis.convert_units(x), ax.yaxis.convert_units(y)) for x, y in points]
            yield f"the point annotated {text.get_text()!r}", ax.transData.transform(numbers)


def _shown(text: Text) -> bool:
    return text.get_visible() and bool(text.get_text().strip())


def _shown_or_marks(text: Annotation) -> bool:
    return text.get_visible() and (bool(text.get_text().strip()) or text.arrow_patch is not None)


@dataclass
class Label:
    text: Text
    kind: str  # "tick", "axis label", "title", "label", "legend" or "source"
    axis: Axis | None = None

    def __str__(self) -> str:
        return f"{self.kind} {self.text.get_text()!r}"


def _drawn_ticks(axis: Axis) -> Iterator[tuple[float, Text]]:
    """(place, label) for each tick label matplotlib draws: those inside the view limits."""
    transform = axis.get_transform()
    a, b = sorted(transform.transform(sorted(axis.get_view_interval())))
    room = 1e-10 * (b - a)  # as matplotlib's own test
    for locs, ticks in (
        (axis.get_majorticklocs(), axis.get_major_ticks),
        (axis.get_minorticklocs(), axis.get_minor_ticks),
    ):
        for tick, loc in zip(ticks(len(locs)), locs, strict=True):
            if a - room <= transform.transform(loc) <= b + room:
                yield from ((loc, t) for t in (tick.label1, tick.label2) if _shown(t))


def _source_text(fig: Figure) -> Text | None:
    """The source line: the figure text that ``style.add_source`` puts at the bottom left."""
    found = [t for t in fig.texts if tuple(t.get_position()) == (0.01, 0.015)]
    return found[0] if found else None


def _labels(fig: Figure) -> list[Label]:
    found = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            found += [Label(t, "tick", axis) for _, t in _drawn_ticks(axis)]
            found += [
                Label(t, "axis label", axis) for t in (axis.label, axis.offsetText) if _shown(t)
            ]
        found += [Label(t, "title") for t in _titles(ax) if _shown(t)]
        found += [Label(t, "label") for t in ax.texts if _shown(t)]
        if ax.get_legend() is not None:
            found += [Label(t, "legend") for t in ax.get_legend().get_texts() if _shown(t)]
    source = _source_text(fig)
    found += [Label(t, "source" if t is source else "label") for t in fig.texts if _shown(t)]
    return found


def _titles(ax: Axes) -> list[Text]:
    return [t for t in ax.get_children() if isinstance(t, Text) and t not in ax.texts]


def _placed_by_matplotlib(axis: Axis) -> bool:
    """Ticks a locator chooses (not fixed by the course, nor categories)."""
    return not isinstance(axis.get_major_locator(), FixedLocator | StrCategoryLocator)


def _overlap(a: Bbox, b: Bbox) -> float:
    """How far two boxes overlap, in pixels (negative: the gap between them)."""
    return min(min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0))


def _distance(points: np.ndarray, box: Bbox) -> float:
    if not len(points):
        return np.inf
    zero = np.zeros(len(points))
    dx = np.maximum.reduce([box.x0 - points[:, 0], points[:, 0] - box.x1, zero])
    dy = np.maximum.reduce([box.y0 - points[:, 1], points[:, 1] - box.y1, zero])
    return float(np.hypot(dx, dy).min())


def _within(ax: Axes, points: np.ndarray) -> np.ndarray:
    box = ax.bbox
    keep = (
        (points[:, 0] >= box.x0 - PIXEL)
        & (points[:, 0] <= box.x1 + PIXEL)
        & (points[:, 1] >= box.y0 - PIXEL)
        & (points[:, 1] <= box.y1 + PIXEL)
    )
    return points[keep]


def _row_labelled(ax: Axes, series: Series) -> bool:
    """Each of the series' points sits on a row (or column) that a worded tick label names."""
    for axis, along in ((ax.yaxis, 1), (ax.xaxis, 0)):
        if _placed_by_matplotlib(axis):
            continue
        rows = [loc for loc, label in _drawn_ticks(axis) if re.search("[A-Za-z]", label.get_text())]
        if not rows:
            continue
        x0, y0 = ax.get_xlim()[0], ax.get_ylim()[0]
        places = ax.transData.transform([(r, y0) if along == 0 else (x0, r) for r in rows])[
            :, along
        ]
        if all(np.abs(places - p[along]).min() <= PIXEL for p in series.points):
            return True
    return False


# --- The four checks -------------------------------------------------------------------------


def check_inside(fig: Figure, renderer, case: Case) -> None:
    """Every plotted point lies inside the axes' view limits."""
    outside = []
    for ax in fig.axes:
        for name, display in _plotted_points(ax):
            display = _finite(display)
            share = ax.transAxes.inverted().transform(display)
            off = ((share < -TOLERANCE) | (share > 1 + TOLERANCE)).any(axis=1)
            if off.any():
                x, y = ax.transData.inverted().transform(display[off])[0]
                outside.append(
                    f"{name}: a point at ({x:.4g}, {y:.4g}) lies outside the axes "
                    f"(x from {ax.get_xlim()[0]:.4g} to {ax.get_xlim()[1]:.4g}, "
                    f"y from {ax.get_ylim()[0]:.4g} to {ax.get_ylim()[1]:.4g})"
                )
    assert not outside, "\n".join(outside)


def check_apart(fig: Figure, renderer, case: Case) -> None:
    """No two visible texts overlap, and no text runs off the figure."""
    labels = _labels(fig)
    boxes = [label.text.get_window_extent(renderer) for label in labels]
    page = fig.bbox
    problems = [
        f"{label} runs off the figure: {np.round(box.extents, 1).tolist()} "
        f"in {np.round(page.extents, 1).tolist()}"
        for label, box in zip(labels, boxes, strict=True)
        if min(box.x0 - page.x0, box.y0 - page.y0, page.x1 - box.x1, page.y1 - box.y1) < -PIXEL
    ]
    for (a, box_a), (b, box_b) in itertools.combinations(zip(labels, boxes, strict=True), 2):
        if (
            a.kind == b.kind == "tick"
            and _placed_by_matplotlib(a.axis)
            and _placed_by_matplotlib(b.axis)
        ):
            continue
        if _overlap(box_a, box_b) > PIXEL:
            problems.append(f"{a} overlaps {b} by {_overlap(box_a, box_b):.1f} pixels")
    assert not problems, "\n".join(problems)


def check_labelled(fig: Figure, renderer, case: Case) -> None:
    """Every series has a legend entry, a direct label, a row label or a label naming its look."""
    near = NEAR_POINTS * fig.dpi / 72
    problems = []
    for ax in fig.axes:
        legend = ax.get_legend()
        in_legend = {t.get_text() for t in legend.get_texts()} if legend is not None else set()
        texts = [label.text for label in _labels(fig) if label.kind == "label"]
        texts = [t for t in texts if t.axes in (ax, None)]
        placed = [(t.get_window_extent(renderer), _colour_name(t.get_color())) for t in texts]
        words = set(re.findall(r"[a-z-]+", " ".join(t.get_text() for t in texts).lower()))
        every = _series(ax)
        data = [s for s in every if not s.across]
        main = max(data, key=lambda s: len(s.points)) if data else None
        named_by_axis = bool(ax.get_xlabel().strip() or ax.get_ylabel().strip())
        left = []
        for series in every:
            drawn = _within(ax, series.outline)
            if not (
                getattr(series.artist, "get_label", lambda: "_")() in in_legend
                or any(
                    colour in (series.colour, "black") and _distance(drawn, box) <= near
                    for box, colour in placed
                )
                or _row_labelled(ax, series)
                or series.words & words
                # the main data series (the most points) may be named by the axis labels
                or (series is main and named_by_axis)
            ):
                left.append(series)
        if left:
            problems.append(
                "no label, legend entry or row label for: " + ", ".join(s.name for s in left)
            )
    assert not problems, "\n".join(problems)


# --- Sources ---------------------------------------------------------------------------------

_FEE_AND_MINDERS = ("pay_per_soldier_month", "translators_per_30", "russian_escorts_per_30")
_RUSSIAN_PAY = (
    "ru_min_pay_rub_reuters",
    "ru_signon_federal_2024_rub",
    "ru_signon_regional_avg_rub",
)
_BASE_INPUTS = _FEE_AND_MINDERS + _RUSSIAN_PAY  # costs.base_inputs(): every price in notebook 04
_GAP = ("russia_losses_per_day", "ru_recruits_per_day_q3_2024")  # notebook 04's gap, from section 1
_HEADLINE = (  # notebook 05's three ranges: span(...) of these ids
    "sk_intel_10000",
    "nis_decided_12000",
    "russia_losses_per_day",
    "ukdi_losses_per_day_2024_10",
    "radakin_losses_per_day_2024_10",
    "ru_recruits_per_day_claim",
    "ru_recruits_per_day_q2_2024",
    "ru_recruits_per_day_q3_2024",
)
_PAYMENT = (
    "pay_per_soldier_month",
    "nk_exports_2023_usd",
    "nk_gni_2023_krw",
    "krw_per_usd_oct2024",
)


def _economy_ids(arguments: dict) -> tuple[str, ...]:
    return (
        "pay_per_soldier_month",
        "nk_soldiers_left",
        *economy_usd()["id"],
        "krw_per_usd_oct2024",
    )


def _timeline_ids(arguments: dict) -> tuple[str, ...]:
    return (*deployment_totals()["fact_id"], *casualty_estimates()["fact_id"], "nk_soldiers_left")


def _forecast_ids(arguments: dict) -> tuple[str, ...]:
    return tuple(forecast_outcomes()["evidence"])


def _ids(*ids: str) -> Callable[[dict], tuple[str, ...]]:
    return lambda arguments: ids


@dataclass(frozen=True)
class Sourced:
    """Where the values a chart draws come from (claim and fact ids), and words its line says.

    ``always``: the data the chart draws whatever its arguments; ``start``: the ids behind the
    arguments a notebook draws it with (or its sliders' starting values).
    """

    always: Callable[[dict], tuple[str, ...]] = _ids()
    start: tuple[str, ...] = ()
    says: tuple[str, ...] = ()
    prefix: bool = True  # the line begins "Source:" or "Sources:"


CHART_SOURCES: dict[str, Sourced] = {
    "draw_claims_by_kind": Sourced(says=(sources.ARTICLE_CITATION,)),  # the article's claims
    "draw_days_covered": Sourced(start=("nk_soldiers_left", "russia_losses_per_day")),
    "DaysCoveredChart": Sourced(start=("nk_soldiers_left", "russia_losses_per_day")),
    "draw_deal_vs_economy": Sourced(_economy_ids),
    "draw_troop_income_estimates": Sourced(
        _ids(
            "pay_per_soldier_month",
            "nk_soldiers_left",
            "nis_troop_income_per_year",
            "inss_troop_income_per_year",
        )
    ),
    "draw_russian_pay": Sourced(
        _ids("pay_per_soldier_month", *_RUSSIAN_PAY, "ru_min_pay_rub_mt", "rub_per_usd_2024_10_16")
    ),
    "draw_payment_vs_economy": Sourced(_ids(*_PAYMENT)),  # its defaults: no notebook's values
    "PaymentVsEconomyChart": Sourced(_ids(*_PAYMENT), start=("nk_soldiers_left",)),
    "draw_cost_parts": Sourced(_ids(*_BASE_INPUTS), start=("rub_per_usd_2024_10_16",)),
    "draw_break_even": Sourced(_ids(*_BASE_INPUTS), start=("rub_per_usd_2024_10_16",)),
    "draw_weighted_scores": Sourced(says=("our illustrative judgement", "weights:"), prefix=False),
    "draw_cost_comparison": Sourced(  # the line begins with our assumptions, then the sources
        _ids(*_BASE_INPUTS),
        start=(*_GAP, "rub_per_usd_2024_10_16"),
        says=("our assumptions", "Sources:"),
        prefix=False,
    ),
    "CostComparisonChart": Sourced(
        _ids(*_BASE_INPUTS),
        start=(*_GAP, "rub_per_usd_2024_10_16"),
        says=("our assumptions", "Sources:"),
        prefix=False,
    ),
    "draw_force_path": Sourced(
        lambda arguments: ("ru_troops_in_ukraine",) if arguments["start"] is None else (),
        start=("russia_losses_per_day", "ru_recruits_per_day_q3_2024", "nk_soldiers_left"),
    ),
    "ForcePathChart": Sourced(
        _ids("ru_troops_in_ukraine"),
        start=("russia_losses_per_day", "ru_recruits_per_day_claim", "nk_soldiers_left"),
    ),
    "draw_days_by_source": Sourced(
        start=(
            "nk_soldiers_left",
            "russia_losses_per_day",
            "ukdi_losses_per_day_2024_10",
            "radakin_losses_per_day_2024_10",
        )
    ),
    "draw_losses_series": Sourced(
        lambda arguments: ("russia_losses_per_day", *arguments["recruit_ids"]),
        says=("Ukrainian General Staff",),  # seeds/russian_personnel_losses_monthly_ua_genstaff
    ),
    "draw_estimates": Sourced(lambda arguments: tuple(arguments["ids"])),
    "draw_tornado": Sourced(start=_HEADLINE),
    "draw_monte_carlo": Sourced(start=_HEADLINE, says=("random draws", "seed")),
    "MonteCarloChart": Sourced(start=_HEADLINE, says=("random draws", "seed")),
    "draw_numbers_over_time": Sourced(_timeline_ids),
    "draw_brier": Sourced(_forecast_ids),
    "BrierChart": Sourced(_forecast_ids),
}


def test_every_chart_says_where_its_values_come_from():
    missing = {case.chart for case in CASES} - set(CHART_SOURCES)
    assert not missing, f"add the sources of the values these charts draw: {missing}"


def _citation(id_: str) -> list[str]:
    """What a source line must say to name ``id_``: its source (for the article, also who)."""
    return [part for part in style.short_citation(id_) if part]


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_sourced(fig: Figure, renderer, case: Case) -> None:
    """The source line is there, under the axes, and names the sources of the values drawn."""
    source = _source_text(fig)
    assert source is not None and _shown(source), "no source line (style.add_source)"
    text = source.get_text()
    box = source.get_window_extent(renderer)
    assert all(box.y1 <= ax.bbox.y0 for ax in fig.axes), "the source line is not under the axes"
    lines = text.count("\n") + 1
    assert lines <= style.FOOTER_LINES, f"the source line runs to {lines} lines: {text!r}"
    expected = CHART_SOURCES[case.chart]
    if expected.prefix:
        assert re.match(r"Sources?: ", text), f"the source line does not begin 'Source:': {text!r}"
    ids = expected.always(case.arguments) + (expected.start if case.start else ())
    missing = [
        f"{id_} ({part})"
        for id_ in ids
        for part in _citation(id_)
        if _squeezed(part) not in _squeezed(text)
    ]
    missing += [
        words for words in expected.says if _squeezed(words).lower() not in _squeezed(text).lower()
    ]
    assert not missing, f"the source line {text!r} does not name: {missing}"


# --- The test --------------------------------------------------------------------------------

CHECKS: dict[str, Callable[[Figure, object, Case], None]] = {
    "inside": check_inside,
    "apart": check_apart,
    "labelled": check_labelled,
    "sourced": check_sourced,
}


def _at(chart: str, *positions: str) -> list[str]:
    """Case ids of a live chart at named positions ('start', 'soldiers-min', 'all-max'),
    or at corners written as the sliders' ends in order ('min max')."""
    sliders = next(e.sliders for e in EXPLORERS if e.chart == chart)
    return [f"{chart}-{_corner(sliders, tuple(p.split())) if ' ' in p else p}" for p in positions]


def _every(*charts: str) -> list[str]:
    return [case.id for case in CASES if case.chart in charts]


# What these checks find wrong in today's charts: the defect -> (the check, the case ids).
KNOWN_DEFECTS: dict[str, tuple[str, list[str]]] = {}


def _expected_failures() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for reason, (check, ids) in KNOWN_DEFECTS.items():
        for where in ids:
            found[where, check] = "; ".join(filter(None, [found.get((where, check)), reason]))
    return found


_EXPECTED_TO_FAIL = _expected_failures()


def _params() -> list:
    params = []
    for case in CASES:  # case by case, so that each chart is drawn once for its four checks
        for check in CHECKS:
            reason = _EXPECTED_TO_FAIL.get((case.id, check))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(case, check, id=f"{case.id}-{check}", marks=marks))
    return params


def test_known_defects_name_real_cases():
    unknown = {where for where, _ in _EXPECTED_TO_FAIL} - {case.id for case in CASES}
    assert not unknown, f"no such cases: {unknown}"
    assert {check for _, check in _EXPECTED_TO_FAIL} <= set(CHECKS)


@pytest.mark.parametrize(("case", "check"), _params())
def test_chart_shows_what_it_should(case: Case, check: str):
    fig, renderer = _drawn(case)
    CHECKS[check](fig, renderer, case)


def test_no_chart_colours_an_outcome_or_an_option_green():
    """Colours do not celebrate: no casualty, outcome or way of filling the gap is green."""
    green = to_rgb(style.PALETTE["green"])
    for case in CASES:
        notebook_call = case.id[:2].isdigit()  # a chart as a notebook draws it
        if not (notebook_call or case.id.endswith(("start", "defaults", "no-arguments"))):
            continue  # slider ends and corners: the same colours as the start
        fig, _ = _drawn(case)
        for ax in fig.axes:
            artists = [*ax.patches, *ax.lines, *ax.collections]
            for artist in artists:
                colours = []
                for getter in ("get_facecolor", "get_color", "get_edgecolor"):
                    with contextlib.suppress(AttributeError, TypeError, ValueError):
                        value = getattr(artist, getter)()
                        colours += [value] if isinstance(value, str) else list(np.atleast_2d(value))
                for colour in colours:
                    with contextlib.suppress(ValueError):
                        assert not np.allclose(to_rgb(colour), green, atol=0.01), (
                            f"{case.id}: {artist} is green"
                        )


# --- In Dutch ---------------------------------------------------------------------------------

DUTCH_CASES = [case for case in CASES if case.start]
ENGLISH_THOUSANDS = re.compile(
    r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])"
)  # 1,200 (Dutch: 1.200)


@pytest.mark.parametrize("case", DUTCH_CASES, ids=lambda case: case.id)
def test_chart_in_dutch_speaks_dutch_and_has_room_for_it(case: Case):
    """Every chart as the Dutch edition draws it: no English words (titles, labels, ticks,
    source line), numbers written the Dutch way, and the longer Dutch words still inside the
    figure and apart (the "apart" check above)."""
    _forget(live=True)
    worded = _worded_axes(case)  # axes whose ticks are words in English: names, not numbers
    _forget(live=True)
    language.set_language("nl")
    try:
        fig = case.make()
        canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
        fig.draw_without_rendering()
        texts = " | ".join(label.text.get_text() for label in _labels(fig))
        found = english_words(texts)
        assert not found, f"English words {found} in: {texts}"
        assert not ENGLISH_THOUSANDS.findall(texts), f"numbers written the English way: {texts}"
        check_apart(fig, canvas.get_renderer(), case)
        for k, axis in worded:
            ticks = [t.get_text() for _, t in _drawn_ticks(_axis(fig, k, axis))]
            assert any(re.search(r"[^\W\d_]{2}", t) for t in ticks), (
                f"axes {k} {axis}: names in English, numbers in Dutch: {ticks}"
            )
    finally:
        language.set_language("en")
        _forget(live=True)


def _axis(fig: Figure, k: int, axis: str) -> Axis:
    return fig.axes[k].xaxis if axis == "x" else fig.axes[k].yaxis


def _worded_axes(case: Case) -> list[tuple[int, str]]:
    """(axes number, "x" or "y") of the case's axes whose English tick labels are words."""
    fig = case.make()
    fig.draw_without_rendering()
    return [
        (k, axis)
        for k in range(len(fig.axes))
        for axis in ("x", "y")
        if any(
            re.search(r"[^\W\d_]{2}", t.get_text()) for _, t in _drawn_ticks(_axis(fig, k, axis))
        )
    ]
