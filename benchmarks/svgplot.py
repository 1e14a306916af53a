"""A log-log line plot written as SVG by hand: the harness needs no plotting library."""

from __future__ import annotations

import math
from html import escape

Series = tuple[str, str, list[tuple[float, float]]]  # label, colour, (x, y) points

WIDTH, HEIGHT = 720, 440
LEFT, RIGHT, TOP, BOTTOM = 70, 200, 40, 60


def _decades(low: float, high: float) -> list[float]:
    start, stop = math.floor(math.log10(low)), math.ceil(math.log10(high))
    ticks = []
    for exponent in range(start, stop + 1):
        for mantissa in (1, 2, 5):
            value = mantissa * 10.0**exponent
            if low <= value <= high:
                ticks.append(value)
    return ticks or [low, high]


def _label(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:g}k" if value < 1e6 else f"{value / 1e6:g}M"
    return f"{value:g}"


def loglog(
    series: list[Series], title: str, xlabel: str, ylabel: str, slope_one: bool = True
) -> str:
    """An SVG document: each series as a polyline with dots, and a slope-1 guide."""
    points = [p for _, _, data in series for p in data if p[0] > 0 and p[1] > 0]
    if not points:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="60">'
            f'<text x="10" y="30">{escape(title)}: no data</text></svg>\n'
        )
    x_low, x_high = min(p[0] for p in points) / 1.3, max(p[0] for p in points) * 1.3
    y_low, y_high = min(p[1] for p in points) / 1.5, max(p[1] for p in points) * 1.5
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x: float) -> float:
        return LEFT + plot_w * math.log(x / x_low) / math.log(x_high / x_low)

    def sy(y: float) -> float:
        return TOP + plot_h * (1 - math.log(y / y_low) / math.log(y_high / y_low))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{LEFT}" y="22" font-size="15">{escape(title)}</text>',
    ]
    for x in _decades(x_low, x_high):
        out.append(
            f'<line x1="{sx(x):.1f}" y1="{TOP}" x2="{sx(x):.1f}" y2="{TOP + plot_h}" '
            f'stroke="#ddd"/><text x="{sx(x):.1f}" y="{TOP + plot_h + 16}" '
            f'text-anchor="middle">{_label(x)}</text>'
        )
    for y in _decades(y_low, y_high):
        out.append(
            f'<line x1="{LEFT}" y1="{sy(y):.1f}" x2="{LEFT + plot_w}" y2="{sy(y):.1f}" '
            f'stroke="#ddd"/><text x="{LEFT - 6}" y="{sy(y) + 4:.1f}" '
            f'text-anchor="end">{_label(y)}</text>'
        )
    out.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#444"/>'
    )
    out.append(
        f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 18}" text-anchor="middle">'
        f"{escape(xlabel)}</text>"
    )
    out.append(
        f'<text transform="translate(18 {TOP + plot_h / 2}) rotate(-90)" '
        f'text-anchor="middle">{escape(ylabel)}</text>'
    )
    if slope_one:  # time proportional to size, through the smallest point
        x0, y0 = min(points)
        x1 = x_high / 1.05
        y1 = y0 * x1 / x0
        out.append(
            f'<line x1="{sx(x0):.1f}" y1="{sy(y0):.1f}" x2="{sx(x1):.1f}" '
            f'y2="{sy(min(y1, y_high)):.1f}" stroke="#999" stroke-dasharray="5 4"/>'
        )
        series_labels = [*series, ("linear (slope 1)", "#999", [])]
    else:
        series_labels = list(series)
    for _name, colour, data in series:
        shown = [(x, y) for x, y in sorted(data) if x > 0 and y > 0]
        if len(shown) > 1:
            path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in shown)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        out.extend(
            f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3.5" fill="{colour}"/>' for x, y in shown
        )
    for n, (label, colour, _) in enumerate(series_labels):
        y = TOP + 10 + 20 * n
        out.append(
            f'<line x1="{WIDTH - RIGHT + 14}" y1="{y}" x2="{WIDTH - RIGHT + 34}" '
            f'y2="{y}" stroke="{colour}" stroke-width="2"/>'
            f'<text x="{WIDTH - RIGHT + 40}" y="{y + 4}">{escape(label)}</text>'
        )
    out.append("</svg>\n")
    return "\n".join(out)
