"""Wire sliders to a chart: the what-if explorers of the course.

A widget has three parts (see CONTRIBUTING.md): a pure function in a strand module that
computes what to draw (tested directly), a chart that draws it (a ``LiveChart`` from
``helpers.style``, which moves its artists instead of making a new figure each time; a
plain function returning a ``Figure`` also works), and a call to ``explore`` in the
notebook. Handouts show the stored chart at the default values in place of the live widget.

>>> from matplotlib.figure import Figure
>>> def draw(n: int) -> Figure:
...     fig = Figure()
...     fig.subplots().plot(list(range(n)))
...     return fig
>>> explorer = explore(draw, n=int_slider("n", 3, 1, 10))
>>> len(explorer.redraw(n=5).axes[0].lines[0].get_xdata())
5
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
from matplotlib.figure import Figure

from helpers.language import tr
from helpers.style import svg_text

__all__ = ["Explorer", "explore", "int_slider", "float_slider"]


def note() -> str:
    """What a widget shows where it cannot run (its plain-text form), in the language in use."""
    return tr(
        "Interactive chart: in JupyterLab, move the sliders to redraw it. "
        "(A printed handout shows it at the default values.)"
    )


_LAYOUT = {"width": "520px"}
_STYLE = {"description_width": "210px"}


def int_slider(description: str, value: int, low: int, high: int, step: int = 1):
    """A labelled whole-number slider that only redraws when released."""
    return _slider(widgets.IntSlider, description, value, low, high, step)


def float_slider(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float,
    readout_format: str = ".2f",
):
    """A labelled decimal slider that only redraws when released."""
    return _slider(
        widgets.FloatSlider, description, value, low, high, step, readout_format=readout_format
    )


def _slider(kind, description: str, value, low, high, step, **extra):
    """A slider of ``kind`` in the course's layout that only redraws when released.

    ``description`` is shown in the language in use: a notebook writes it in its own
    language, and an English one that the catalogues know is translated.
    """
    return kind(
        value=value,
        min=low,
        max=high,
        step=step,
        description=tr(description),
        continuous_update=False,
        layout=_LAYOUT,
        style=_STYLE,
        **extra,
    )


class Explorer:
    """Sliders plus the chart they control. Displays as the live widget in JupyterLab."""

    def __init__(self, draw: Callable[..., Figure], controls: dict[str, widgets.ValueWidget]):
        self.draw = draw
        self.controls = controls
        self.output = widgets.Output()
        self.box = widgets.VBox([*controls.values(), self.output])
        for control in controls.values():
            control.observe(self._on_change, names="value")
        self._on_change()

    def values(self) -> dict[str, object]:
        """The controls' current values, by the drawing function's argument names."""
        return {name: control.value for name, control in self.controls.items()}

    def redraw(self, **values: object) -> Figure:
        """The chart for these values (the callback a slider triggers, without display)."""
        return self.draw(**(self.values() | values))

    def render(self, **values: object) -> str:
        """The whole callback a slider triggers: compute, draw and render the chart as SVG."""
        return svg_text(self.redraw(**values))

    def _on_change(self, change: object = None) -> None:
        svg = self.render()
        # Replace the Output widget's content in one step: one message to JupyterLab, about
        # ten times quicker than clear_output() then display() inside ``with self.output``.
        # The <svg> element goes as raw output (what IPython's SVG() keeps), without parsing
        # the document again as SVG() does: that alone took 10-25 ms a redraw.
        chart = {"image/svg+xml": svg[svg.find("<svg") :]}
        self.output.outputs = ({"output_type": "display_data", "data": chart, "metadata": {}},)

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        bundle = self.box._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = note()
        return bundle


def explore(draw: Callable[..., Figure], **controls: widgets.ValueWidget) -> Explorer:
    """Sliders named after ``draw``'s arguments, and the chart they redraw.

    ``draw`` is a ``LiveChart`` (``explore(DaysCoveredChart(), ...)``: the quick way) or
    any function that returns a new ``Figure`` for the sliders' values.

    The chart is drawn once at the sliders' starting values, which are the defaults a
    handout shows.
    """
    if not callable(draw):
        raise TypeError(f"draw must be a function that returns a Figure, got {draw!r}")
    if not controls:
        raise ValueError("explore needs at least one control, e.g. soldiers=int_slider(...)")
    return Explorer(draw, controls)
