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

import io
import os
import re
import textwrap

import matplotlib as mpl
import pandas as pd
from cycler import cycler
from IPython import get_ipython
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from helpers.language import language, number, number_text, set_language, tr

__all__ = [
    "PALETTE",
    "MARKERS",
    "COLOURS",
    "use",
    "table_number",
    "figure",
    "add_source",
    "set_source",
    "chart_source_line",
    "short_citation",
    "label_end",
    "png_bytes",
    "svg_text",
    "LiveChart",
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


_TABLES_SET: set[int] = set()  # the IPython shells whose table display use() has set


def use(language: str | None = None) -> None:
    """Apply the course's look to every chart drawn after this call.

    ``language``: ``"en"`` or ``"nl"``, the language of everything the helpers show from
    now on (text, numbers, months); a notebook's setup cell names it. ``None`` keeps the
    language in use.

    >>> use()
    >>> mpl.rcParams["font.size"]
    12.0
    """
    if language is not None:
        set_language(language)
    mpl.rcParams.update(RC)
    # A dollar sign in a table is money, not maths: keep JupyterLab's MathJax off tables.
    pd.set_option("display.html.use_mathjax", False)
    shell = get_ipython()
    if shell is not None:
        # In a notebook (not in doctests, whose printed tables stay pandas' own): numbers in
        # tables as a reader writes them, 1,354 not 1354.0 and 8.33 not 8.333333333; and
        # whole sentences, which JupyterLab wraps instead of cutting them off ("...").
        # Set once, at the notebook's first use(): a notebook's own later choice stands.
        if id(shell) not in _TABLES_SET:
            pd.set_option("display.float_format", table_number)
            pd.set_option("display.max_colwidth", None)
            _TABLES_SET.add(id(shell))
        formatters = shell.display_formatter.formatters
        if os.environ.get(CHARTS_ENV) == "svg":
            # For print: vector charts, and no PNG beside them.
            formatters["image/svg+xml"].for_type(Figure, svg_text)
            formatters["image/png"].for_type(Figure, lambda fig: None)
        else:
            # Show plain Figure objects as PNG, drawn once (no "tight" second pass) and
            # compressed lightly: this keeps notebooks and slider redraws fast.
            formatters["image/png"].for_type(Figure, png_bytes)


def table_number(x: float) -> str:
    """A float as a table shows it: thousands separators, whole numbers without decimals,
    small numbers to three significant figures.

    >>> [table_number(x) for x in (1354.0, 1.3e9, 8.333333, 0.45, 2102.83, -6000.0)]
    ['1,354', '1,300,000,000', '8.33', '0.45', '2,103', '-6,000']
    """
    if x != x:  # NaN: pandas shows its own marker
        return "NaN"
    if float(x).is_integer() or abs(x) >= 100:
        return number(x)
    return number_text(f"{x:,.3g}")


def svg_text(fig: Figure) -> str:
    """The figure as SVG with real text (not outlines): about twice as fast as PNG.

    Used for slider redraws and printed handouts. The same chart always gives the same
    SVG: no date in it, and its ids salted with a fixed string (``svg.hashsalt``).

    >>> svg_text(figure()[0]).startswith("<?xml")
    True
    """
    buffer = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": RC["svg.hashsalt"]}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


class LiveChart:
    """A chart built once, whose lines, bars and labels a slider then moves in place.

    ``__init__`` builds the figure and its artists (and ends with ``super().__init__(fig)``);
    ``update(**values)`` changes what depends on the values and returns ``self.fig``. Calling
    the chart is ``update``, so ``explore(SomeChart(), ...)`` works as with a plain drawing
    function. The course's ``draw_...`` functions are ``SomeChart(...).update(...)`` on a new
    chart; ``tests/test_widgets.py`` checks that an updated chart gives the same SVG as a new one.

    >>> class Dot(LiveChart):
    ...     def __init__(self) -> None:
    ...         fig, ax = figure()
    ...         (self.dot,) = ax.plot([0], [0])
    ...         super().__init__(fig)
    ...     def update(self, y: float) -> Figure:
    ...         self.dot.set_ydata([y])
    ...         return self.fig
    >>> chart = Dot()
    >>> chart(y=3) is chart(y=4)
    True
    >>> list(chart.fig.axes[0].lines[0].get_ydata())
    [4]
    """

    def __init__(self, fig: Figure) -> None:
        self.fig = fig

    def update(self, **values: object) -> Figure:
        """Move the chart's artists to show these values; return ``self.fig``."""
        raise NotImplementedError

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
    # This tunes the default locator rather than replacing it, so categorical axes (bar
    # charts of labels) and date axes still get their own.
    for ax in fig.axes:
        ax.locator_params(nbins=5, steps=[1, 2, 5, 10])
        if language() != "en":
            # Tick labels as the language writes numbers (1.000 and 0,5 in Dutch). A chart
            # that sets its own labels (categories, dates) replaces this.
            ax.xaxis.set_major_formatter(FuncFormatter(tick_label))
            ax.yaxis.set_major_formatter(FuncFormatter(tick_label))
    return fig, axes


def tick_label(x: float, position: int | None = None) -> str:
    """An axis tick's number in the language in use: up to 4 significant decimals, no
    trailing zeros.

    >>> tick_label(2500.0), tick_label(0.25)
    ('2,500', '0.25')
    """
    text = f"{x:,.4f}".rstrip("0").rstrip(".")
    return number_text("0" if text in ("-0", "") else text)


def add_source(fig: Figure, text: str, width: int = 104) -> Text:
    """Print a source line (see ``helpers.sources.source_line``) under the chart; return it."""
    source = fig.text(0.01, 0.015, "", fontsize=9, color=GREY, ha="left", va="bottom")
    set_source(fig, source, text, width)
    return source


def set_source(fig: Figure, source: Text, text: str, width: int = 104) -> None:
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


FOOTER_LINES = 2  # a chart's source line wraps to at most this many lines


def _plain_source(name: str) -> str:
    """A source's name without where we read it: no '(via ...)', web addresses or '@hash'.

    >>> _plain_source("CIA World Factbook (factbook.json mirror, kn.json @3afee302)")
    'CIA World Factbook'
    >>> _plain_source("Korea Institute for Defense Analyses, via Kyodo (gifu-np.co.jp)")
    'Korea Institute for Defense Analyses'
    >>> _plain_source("South Korea's Joint Chiefs of Staff via Yonhap (news.az)")
    "South Korea's Joint Chiefs of Staff"
    """
    text = re.sub(r"\s*\([^()]*\)", "", name)  # outlets, mirrors, web addresses, hashes
    text = re.sub(r",? via .*$", "", text).strip()  # who reported it: the source is before
    text = text.replace("The Moscow Times", "Moscow Times")
    for long, short in _SHORT_NAMES.items():
        if text.startswith(long):
            return short
    return text


# Names too long for a chart's footer (the tables give them in full).
_SHORT_NAMES = {
    "Janis Kluge": "Janis Kluge",
    "Ukraine's HUR intercept": "Ukraine's HUR",
    "Admiral Tony Radakin": "Adm. Tony Radakin (BBC)",
    "UK Defence Intelligence, quoted by John Healey": "UK Defence Intelligence (John Healey)",
    "South Korean Ministry of National Defense": "South Korea's Defence White Paper",
    "Central Bank of Russia": "Bank of Russia",
    "Friedrich Naumann Foundation": "Friedrich Naumann Foundation",
    "Lim Soo-ho, Institute for National Security Strategy": "INSS (Lim Soo-ho)",
}


def short_citation(id_: str) -> tuple[str, str]:
    """(source, who) for a chart's footer: a fact's source without dates, addresses or hashes;
    for the article, its outlet and whom it cites (who is "" for the outlet's own words).

    >>> short_citation("nk_active_cia_2024")
    ('CIA World Factbook', '')
    >>> short_citation("russia_losses_per_day")
    ('BNR Nieuwsradio, Oct 2024', 'Bosman, citing the UK MoD')
    >>> short_citation("nk_soldiers_left")
    ('BNR Nieuwsradio, Oct 2024', 'NIS')
    """
    from helpers import sources  # here, not at the top: sources need not load for a bare chart

    if not isinstance(id_, str):
        raise TypeError(f"source id must be text, got {id_!r}")
    try:
        citation = sources.claim(id_).citation
    except KeyError:
        item = sources.fact(id_)  # a KeyError here names the id: neither a claim nor a fact
        return _plain_source(item.citation.removesuffix(f", {item.as_of}")), ""
    who = citation.removeprefix(sources.ARTICLE_CITATION).strip()[1:-1]  # drop the brackets
    if who.startswith("citing "):  # the outlet's own reporter, on someone's authority
        who = who.removeprefix("citing ")
    elif who:  # 'Joost Bosman, citing ...' or 'Remco Breuker': the surname is enough
        speaker, _, authority = who.partition(", citing ")
        who = speaker.split(" ")[-1] + (f", citing {authority}" if authority else "")
    who = who.replace("the British Ministry of Defence", "the UK MoD")
    who = who.replace("South Korean intelligence (NIS)", "NIS")
    return sources.ARTICLE_CITATION, who


def chart_source_line(*ids: str, note: str = "") -> str:
    """A short source line for under a chart: each source named once, no dates or addresses.

    The article's speakers are listed after it, separated by semicolons; ``note`` (our
    assumptions, a conversion) is added at the end. Tables and ``sources.source_line`` give
    the full citations.

    >>> chart_source_line("russia_losses_per_day", "nk_soldiers_left", "nk_active_cia_2024")
    'Sources: BNR Nieuwsradio, Oct 2024 (Bosman, citing the UK MoD; NIS); CIA World Factbook.'
    >>> chart_source_line("nk_active_cia_2024", note="Our rounding.")
    'Source: CIA World Factbook. Our rounding.'
    """
    if not ids:
        raise ValueError("chart_source_line needs at least one claim or fact id")
    parts: list[str] = []
    article: list[str] = []
    for id_ in ids:
        name, who = short_citation(id_)
        # 'Reuters; The Moscow Times': each name in the language in use
        parts += [n for n in (tr(n) for n in name.split("; ")) if n not in parts]
        who = _who(who)
        if who and who not in article:
            article.append(who)
    if article:
        parts[parts.index(tr("BNR Nieuwsradio, Oct 2024"))] += f" ({'; '.join(article)})"
    label = tr("Source") if len(parts) == 1 else tr("Sources")
    line = f"{label}: " + "; ".join(parts) + "."
    return f"{line} {note.strip()}" if note.strip() else line


def _who(who: str) -> str:
    """Whom the article cites (from ``short_citation``), in the language in use."""
    speaker, citing, authority = who.partition(", citing ")
    if citing:
        return tr("{speaker}, citing {authority}").format(speaker=speaker, authority=tr(authority))
    return tr(who)


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
