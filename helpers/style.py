"""One look for every chart of the course: colour-blind-safe, readable on a projector and on paper.

Colours come from the Okabe-Ito palette, and every series also gets its own marker or a
direct label, so no chart relies on colour alone. Figures are plain ``Figure`` objects (not
pyplot's), so a cell shows a chart exactly once: end the cell with the figure.

>>> fig, ax = figure()
>>> source = add_source(fig, "Source: an example.")
>>> fig.texts[-1].get_text()
'Source: an example.'
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import textwrap
from collections.abc import Iterator

import matplotlib as mpl
import pandas as pd
from cycler import cycler
from IPython import get_ipython
from matplotlib.axes import Axes
from matplotlib.backends import backend_svg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.ticker import MaxNLocator

__all__ = [
    "PALETTE",
    "MARKERS",
    "COLOURS",
    "use",
    "figure",
    "add_source",
    "set_source",
    "label_end",
    "png_bytes",
    "svg_text",
    "LiveChart",
    "pin_axis_labels",
]

# Okabe & Ito (2008), a palette that stays distinct for the common kinds of colour blindness.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
COLOURS: list[str] = [
    PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "sky", "purple")
]
MARKERS: list[str] = ["o", "s", "^", "D", "v", "P"]
GREY = "#555555"
# Set to "svg" where charts are printed (tools/handouts.py sets it for the kernels it starts):
# charts then come out as SVG, vector with real text, instead of PNG.
CHARTS_ENV = "COLD_BUSINESS_DEAL_CHARTS"
# Fixed margins, in inches: room for tick labels, axis labels and the source line.
MARGIN_LEFT, MARGIN_TOP, MARGIN_BOTTOM, SOURCE_LINE = 1.0, 0.3, 0.62, 0.17

RC: dict[str, object] = {
    "figure.figsize": (7.5, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "lines.linewidth": 2.2,
    "lines.markersize": 6,
    "axes.prop_cycle": cycler(color=COLOURS) + cycler(marker=MARKERS),
    "axes.formatter.use_locale": False,
    "svg.hashsalt": "cold-business-deal",
}


def use() -> None:
    """Apply the course's look to every chart drawn after this call.

    >>> use()
    >>> mpl.rcParams["font.size"]
    12.0
    """
    mpl.rcParams.update(RC)
    # A dollar sign in a table is money, not maths: keep JupyterLab's MathJax off tables.
    pd.set_option("display.html.use_mathjax", False)
    shell = get_ipython()
    if shell is not None:
        formatters = shell.display_formatter.formatters
        if os.environ.get(CHARTS_ENV) == "svg":
            # For print: vector charts, and no PNG beside them.
            formatters["image/svg+xml"].for_type(Figure, svg_text)
            formatters["image/png"].for_type(Figure, lambda fig: None)
        else:
            # Show plain Figure objects as PNG, drawn once (no "tight" second pass) and
            # compressed lightly: this keeps notebooks and slider redraws fast.
            formatters["image/png"].for_type(Figure, png_bytes)


_TEXT_TO_PATH = TextToPath()


@functools.lru_cache(maxsize=4096)
def _text_size(text: str, font: FontProperties, ismath: bool | str) -> tuple[float, float, float]:
    return _TEXT_TO_PATH.get_text_width_height_descent(text, font, ismath)


class _RendererSVGRememberingTextSizes(backend_svg.RendererSVG):
    """matplotlib's SVG renderer, but text sizes are measured once per session.

    matplotlib keeps its cache of text sizes per renderer, and every save makes a new
    renderer, so each slider redraw measured every label again (about a third of the
    time). An SVG renderer measures text in the same way whatever the figure, so one
    shared cache gives the same sizes; ``tests/test_widgets.py`` checks the SVG is equal.
    """

    def get_text_width_height_descent(self, s, prop, ismath):
        # A copy: FontProperties can change after it is used as a key.
        return _text_size(s, prop.copy(), ismath)


@contextlib.contextmanager
def _svg_text_sizes_remembered() -> Iterator[None]:
    plain = backend_svg.RendererSVG
    backend_svg.RendererSVG = _RendererSVGRememberingTextSizes
    try:
        yield
    finally:
        backend_svg.RendererSVG = plain


def svg_text(fig: Figure) -> str:
    """The figure as SVG with real text (not outlines): about twice as fast as PNG.

    Used for slider redraws. Ids inside are salted with a fixed string, so the same
    chart always gives the same SVG.

    >>> svg_text(figure()[0]).startswith("<?xml")
    True
    """
    buffer = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "none"}), _svg_text_sizes_remembered():
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


@functools.lru_cache(maxsize=64)
def _line_height(font: FontProperties) -> float:
    """Height in points of a one-line label as matplotlib lays it out: the font's ascent
    plus descent, from its OS/2 table (hhea where there is none)."""
    face = get_font(findfont(font))
    scale = font.get_size_in_points() / face.get_sfnt_table("head")["unitsPerEm"]
    table = face.get_sfnt_table("OS/2")
    if table is not None:
        return (table["sTypoAscender"] - table["sTypoDescender"]) * scale
    table = face.get_sfnt_table("hhea")
    return (table["ascent"] - table["descent"]) * scale


def pin_axis_labels(ax: Axes) -> None:
    """Fix the axis labels where matplotlib would put them for the ticks as they are now.

    To place an axis label, matplotlib lays out every tick label again at each draw: about
    a fifth of a slider redraw. This finds the same place from the tick labels' widths
    (measured once a session) and pins the label there. Call it after the limits and
    ticks are set; ``tests/test_widgets.py`` checks the place matches matplotlib's.

    >>> fig, ax = figure()
    >>> ax.set_ylabel("people")
    Text(0, 0.5, 'people')
    >>> pin_axis_labels(ax)
    >>> bool(ax.yaxis.get_label().get_position()[0] < 0)  # left of the axes
    True
    """
    fig = ax.get_figure()
    box = ax.get_position()
    width_in, height_in = fig.get_size_inches()
    for axis, across_pt in (
        (ax.xaxis, box.height * height_in * 72),
        (ax.yaxis, box.width * width_in * 72),
    ):
        if not axis.label.get_text() or axis.label_position not in ("bottom", "left"):
            continue
        low, high = sorted(axis.get_view_interval())
        locs = [loc for loc in axis.get_majorticklocs() if low <= loc <= high]
        tick = axis.majorTicks[0]
        out = tick.get_tick_padding() if (locs and tick.tick1line.get_visible()) else 0.0
        labels = axis.major.formatter.format_ticks(locs) if tick.label1.get_visible() else []
        labels = [label for label in labels if label]
        if any("\n" in label or "$" in label for label in labels) or tick.label1.get_rotation():
            continue  # lines, maths or slanted labels: leave the placing to matplotlib
        if labels:
            font = tick.label1.get_fontproperties()
            if axis is ax.xaxis:
                depth = _line_height(font)
            else:
                depth = max(_text_size(label, font, False)[0] for label in labels)
            out = max(out, tick.get_tick_padding() + tick.get_pad() + depth)
        offset = -(out + axis.labelpad) / across_pt
        if axis is ax.xaxis:
            axis.set_label_coords(0.5, offset)
        else:
            axis.set_label_coords(offset, 0.5)


class LiveChart:
    """A chart built once, whose lines, bars and labels a slider then moves in place.

    Making a new figure for every slider position costs more than drawing it: a
    ``LiveChart`` builds its figure and artists once (in ``__init__``, which ends with
    ``super().__init__(fig)``) and ``update(**values)`` only changes what depends on
    the values, then returns the same figure through ``finish()``, which also pins the
    axis labels (see ``pin_axis_labels``). ``explore(SomeChart(), ...)`` uses it;
    the course's ``draw_...`` functions are ``SomeChart(...).update(...)`` on a new chart,
    and ``tests/test_widgets.py`` checks that an updated chart gives the same SVG as a
    new one.

    >>> class Dot(LiveChart):
    ...     def __init__(self) -> None:
    ...         fig, ax = figure()
    ...         (self.dot,) = ax.plot([0], [0])
    ...         super().__init__(fig)
    ...     def update(self, y: float) -> Figure:
    ...         self.dot.set_ydata([y])
    ...         return self.finish()
    >>> chart = Dot()
    >>> chart(y=3) is chart(y=4)
    True
    >>> list(chart.fig.axes[0].lines[0].get_ydata())
    [4]
    """

    def __init__(self, fig: Figure) -> None:
        self.fig = fig

    def update(self, **values: object) -> Figure:
        """Move the chart's artists to show these values; end with ``return self.finish()``."""
        raise NotImplementedError

    def finish(self) -> Figure:
        """Pin the axis labels for the new ticks (a quicker draw); return the figure."""
        for ax in self.fig.axes:
            pin_axis_labels(ax)
        return self.fig

    def __call__(self, **values: object) -> Figure:
        return self.update(**values)


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG bytes, drawn once at the figure's own size.

    >>> png_bytes(figure()[0])[:4]
    b'\\x89PNG'
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def figure(
    width: float = 7.5, height: float = 4.0, ncols: int = 1, right_room: float = 0.3
) -> tuple[Figure, Axes]:
    """A new figure in the course's look, with room at the bottom for a source line.

    Margins are fixed in inches (no layout engine: that halves drawing time, which keeps
    sliders quick). ``right_room`` is the space in inches right of the axes, for direct
    labels at line ends. Returns ``(fig, ax)``; with ``ncols > 1``, an array of axes.

    >>> fig, ax = figure(6, 3)
    >>> fig.get_size_inches().tolist()
    [6.0, 3.0]
    """
    use()
    fig = Figure(figsize=(width, height))
    axes = fig.subplots(1, ncols)
    fig.subplots_adjust(
        left=MARGIN_LEFT / width,
        right=1 - right_room / width,
        top=1 - MARGIN_TOP / height,
        bottom=(MARGIN_BOTTOM + SOURCE_LINE) / height,
        wspace=0.35,
    )
    # At most about five labelled ticks an axis: easier to read on a projector, and each
    # tick costs drawing time (fewer ticks make a slider redraw about a quarter faster).
    # Marked as default, so that categorical axes (bar charts of labels) still get theirs.
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
            axis.isDefault_majloc = True
    return fig, axes


def add_source(fig: Figure, text: str, width: int = 110) -> Text:
    """Print a source line (see ``helpers.sources.source_line``) under the chart; return it."""
    source = fig.text(0.01, 0.015, "", fontsize=9, color=GREY, ha="left", va="bottom")
    set_source(fig, source, text, width)
    return source


def set_source(fig: Figure, source: Text, text: str, width: int = 110) -> None:
    """Give a source line made by ``add_source`` new text, wrapped, with room made for it.

    >>> fig = figure()[0]
    >>> line = add_source(fig, "Source: one.")
    >>> set_source(fig, line, "Source: two.")
    >>> fig.texts[-1].get_text()
    'Source: two.'
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text must be a non-empty source line")
    lines = textwrap.wrap(text, width=width)
    height = fig.get_size_inches()[1]
    fig.subplots_adjust(bottom=(MARGIN_BOTTOM + SOURCE_LINE * len(lines)) / height)
    source.set_text("\n".join(lines))


def label_end(ax: Axes, x: float, y: float, text: str, color: str = GREY) -> None:
    """Write a label just right of a line's last point, instead of a legend."""
    ax.annotate(
        text,
        xy=(x, y),
        xytext=(6, 0),
        textcoords="offset points",
        color=color,
        va="center",
        fontsize=11,
    )
