"""Deterministic positions, node sizes and label fonts so that labels never overlap.

vis-network draws a dot's label centred below it (top at ``y + size + font/2 + 4`` in
canvas units).  Here each node gets a box covering the dot and its label, and
:func:`declutter` pushes overlapping boxes apart until none overlaps.  Node sizes only
ever shrink when the page's year slider narrows the range (sizes are relative to the
full range's largest volume, and a volume over a sub-range is never larger), so a
layout without overlaps at the full range has none at any range.  Fonts are chosen so
that at the page's initial fit the largest parties' labels are drawn at a legible size
(vis skips labels smaller than ``drawThreshold`` pixels; small parties' labels appear
when zooming in).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np

SIZE_MIN = 6.0
SIZE_MAX = 40.0
#: vis skips a label drawn smaller than this (pixels on screen); the browser test uses it.
DRAW_THRESHOLD = 8
#: The network canvas at the reference window (1400 x 900 minus header, panel, toolbar).
CANVAS = (1000.0, 600.0)
#: Labels of this many largest parties must be legible at the initial fit.
LEGIBLE_TOP = 15
LEGIBLE_PX = 12.0
#: Text width per character and font pixel: generous for system-ui/DejaVu Sans.
CHAR_EM = 0.62
#: The ego view's columns: distance from the focus (plus the widest label) and row spacing.
COLUMN_GAP = 320.0
ROW_GAP = 14.0


def force_positions(
    g: nx.DiGraph, weight: Callable[[dict[str, Any]], float], *, seed: int = 7, iterations: int = 80
) -> dict[str, tuple[float, float]]:
    """Force-directed positions (Fruchterman-Reingold in numpy; no scipy needed).

    Edges attract in proportion to log(1 + weight(edge data)), so big trading pairs sit close;
    isolated components are pulled in by a weak gravity so nothing drifts off-screen.
    """
    import numpy as np

    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {v: i for i, v in enumerate(nodes)}
    w = np.zeros((n, n))
    for s, b, d in g.edges(data=True):
        x = 1.0 + math.log1p(weight(d))
        w[index[s], index[b]] += x
        w[index[b], index[s]] += x
    w /= w.max() or 1.0
    rng = np.random.default_rng(seed)
    w = w.astype(np.float32)
    pos = rng.uniform(-1, 1, size=(n, 2)).astype(np.float32)
    k = np.float32(1.6 / math.sqrt(n))
    t = 0.2
    steps = iterations if n <= 250 else max(25, iterations * 250 // n)
    for _ in range(steps):
        dx = pos[:, 0:1] - pos[:, 0]
        dy = pos[:, 1:2] - pos[:, 1]
        dist2 = dx * dx + dy * dy
        np.fill_diagonal(dist2, 1.0)
        np.maximum(dist2, 1e-4, out=dist2)
        coef = k * k / dist2 - w * np.sqrt(dist2) / k
        disp = np.stack([(coef * dx).sum(axis=1), (coef * dy).sum(axis=1)], axis=1)
        disp -= 0.2 * math.sqrt(n) * pos  # gravity keeps components together
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, t)[:, None]
        t = max(t * (0.96 if steps == iterations else 0.92), 0.002)
    pos -= pos.mean(axis=0)
    # scale so that the median distance to the nearest neighbour is about 110 px
    delta = pos[:, None, :] - pos[None, :, :]
    dist = np.sqrt((delta**2).sum(axis=-1))
    np.fill_diagonal(dist, np.inf)
    nearest = float(np.median(dist.min(axis=1))) or 1.0
    scale = 110.0 / nearest
    return {v: (float(pos[i, 0]) * scale, float(pos[i, 1]) * scale) for i, v in enumerate(nodes)}


def node_sizes(volumes: Mapping[str, float], reference: float | None = None) -> dict[str, float]:
    """Dot radius per node: SIZE_MIN .. SIZE_MAX by the square root of its volume share."""
    ref = reference or max(volumes.values(), default=0.0) or 1.0
    return {
        n: SIZE_MIN + (SIZE_MAX - SIZE_MIN) * math.sqrt(max(v, 0.0) / ref) if ref else SIZE_MIN
        for n, v in volumes.items()
    }


def label_width(text: str, font: float) -> float:
    """An upper estimate of the label's drawn width (canvas units)."""
    return CHAR_EM * font * max(len(text), 1) + 8.0


def declutter(
    pos: np.ndarray,
    half_w: np.ndarray,
    up: np.ndarray,
    down: np.ndarray,
    fixed: np.ndarray | None = None,
    *,
    pad: float = 6.0,
    iterations: int = 3000,
    aspect: float = 1.0,
) -> np.ndarray:
    """Move boxes ``[x-half_w, x+half_w] x [y-up, y+down]`` apart until none overlaps.

    Each overlapping pair is pushed apart along the axis of its smaller overlap (half
    each, all of it when the other is ``fixed``); ``aspect`` > 1 favours sideways moves
    (for a wide canvas).  Deterministic: ties are broken by index.
    """
    pos = pos.astype(float).copy()
    n = len(pos)
    if n < 2:
        return pos
    fixed = np.zeros(n, bool) if fixed is None else fixed
    order = np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]).astype(float)
    share = np.where(fixed[None, :], 1.0, 0.5) * (~fixed)[:, None]
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]
        left, right, top, bottom = x - half_w, x + half_w, y - up, y + down
        ox = np.minimum(right[:, None], right[None, :]) - np.maximum(left[:, None], left[None, :]) + pad
        oy = np.minimum(bottom[:, None], bottom[None, :]) - np.maximum(top[:, None], top[None, :]) + pad
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        # done when every pair keeps at least half the padding (pushing for all of it
        # would chase pairs that several neighbours keep nudging back)
        if not (hit & (ox > pad / 2) & (oy > pad / 2)).any():
            break
        cx = x[:, None] - x[None, :]
        cy = (top + bottom)[:, None] / 2 - (top + bottom)[None, :] / 2
        sx = np.where(cx == 0, order, np.sign(cx))
        sy = np.where(cy == 0, order, np.sign(cy))
        along_x = ox < oy * aspect
        dx = np.where(hit & along_x, sx * ox, 0.0) * share
        dy = np.where(hit & ~along_x, sy * oy, 0.0) * share
        pos[:, 0] += dx.sum(axis=1) * 0.6
        pos[:, 1] += dy.sum(axis=1) * 0.6
    return pos


def overlaps(
    pos: np.ndarray, half_w: np.ndarray, up: np.ndarray, down: np.ndarray, pad: float = 0.0
) -> list[tuple[int, int]]:
    """Pairs of boxes that overlap (what :func:`declutter` removes; used by tests)."""
    out = []
    for i in range(len(pos)):
        for j in range(i + 1, len(pos)):
            if (
                abs(pos[i, 0] - pos[j, 0]) < half_w[i] + half_w[j] + pad
                and pos[i, 1] - up[i] < pos[j, 1] + down[j] + pad
                and pos[j, 1] - up[j] < pos[i, 1] + down[i] + pad
            ):
                out.append((i, j))
    return out


def place(
    ids: Sequence[str],
    start: Mapping[str, tuple[float, float]],
    labels: Mapping[str, str],
    sizes: Mapping[str, float],
    ranks: Mapping[str, int],
    fixed: Sequence[str] = (),
) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """Positions (no overlapping node+label boxes) and a font size per node.

    ``ranks`` orders the nodes by importance (0 = largest).  The top
    :data:`LEGIBLE_TOP` get the largest font, the next ones smaller fonts; the fonts are
    raised (and the layout decluttered again) until, at the fit the page will make, the
    top labels are about :data:`LEGIBLE_PX` pixels high.  The last step is always a
    declutter with the final fonts, so the result never overlaps.
    """
    ids = list(ids)
    if not ids:
        return {}, {}
    n = len(ids)
    size = np.array([sizes[i] for i in ids])
    fix = np.array([i in set(fixed) for i in ids])
    rank = np.array([ranks.get(i, n) for i in ids])
    tier = _tier(rank)
    # start compact (nearest neighbours ~40 units apart): the declutter spreads what must
    pos = np.array([start[i] for i in ids], float) * 0.4
    aspect = CANVAS[0] / CANVAS[1]
    font = 16.0
    for attempt in range(4):
        fonts = font * tier
        widths = np.array([label_width(labels[i], f) for i, f in zip(ids, fonts, strict=True)])
        half_w = np.maximum(widths / 2, size)
        up = size + 2
        down = size + 1.5 * fonts + 8
        pos = declutter(pos, half_w, up, down, fix, aspect=aspect)
        width = (pos[:, 0] + half_w).max() - (pos[:, 0] - half_w).min()
        height = (pos[:, 1] + down).max() - (pos[:, 1] - up).min()
        fit = min(CANVAS[0] / width, CANVAS[1] / height, 1.0)
        if font * fit >= LEGIBLE_PX * 0.95 or attempt == 3:
            break
        font = min(LEGIBLE_PX / fit, 48.0)
    return (
        {i: (float(pos[k, 0]), float(pos[k, 1])) for k, i in enumerate(ids)},
        {i: round(float(font * tier[k]), 1) for k, i in enumerate(ids)},
    )


def _tier(rank: np.ndarray) -> np.ndarray:
    """The font factor by rank: the top :data:`LEGIBLE_TOP` full size, the next ones smaller."""
    return np.where(rank < LEGIBLE_TOP, 1.0, np.where(rank < 3 * LEGIBLE_TOP, 0.75, 0.6))


def place_more(
    placed: Mapping[str, tuple[float, float]],
    fonts: Mapping[str, float],
    more: Mapping[str, tuple[float, float]],
    labels: Mapping[str, str],
    sizes: Mapping[str, float],
    ranks: Mapping[str, int],
    *,
    pad: float = 6.0,
) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """Add the ``more`` nodes (id -> where they would like to be) around a layout from
    :func:`place` without moving its nodes.

    Why: the global view draws only some parties at first and others when the year range
    changes; placing them all together would spread (and shrink) the opening drawing.
    Each new node (most important first) walks from where it would like to be outwards,
    away from the drawing's centre, to the first spot where its box overlaps no box
    placed so far, so no two labels ever overlap.  Fonts follow :func:`place`'s tiers at
    its base font.
    """
    extra = sorted((m for m in more if m not in placed), key=lambda m: (ranks.get(m, len(more)), m))
    if not extra or not placed:
        return dict(placed), dict(fonts)
    base = max(fonts.values())
    all_fonts = dict(fonts)
    out = dict(placed)

    def box(i: str, x: float, y: float) -> tuple[float, float, float, float]:
        half = max(label_width(labels[i], all_fonts[i]) / 2, sizes[i])
        return x - half, y - sizes[i] - 2, x + half, y + sizes[i] + 1.5 * all_fonts[i] + 8

    boxes = np.array([box(i, *out[i]) for i in out])
    centre = boxes[:, [0, 1]].mean(axis=0) / 2 + boxes[:, [2, 3]].mean(axis=0) / 2
    for i, t in zip(extra, _tier(np.array([ranks.get(m, len(more)) for m in extra])), strict=True):
        all_fonts[i] = round(float(base * t), 1)
        x, y = more[i]
        dx, dy = x - centre[0], y - centre[1]
        norm = math.hypot(dx, dy)
        dx, dy = (dx / norm, dy / norm) if norm > 1e-9 else (1.0, 0.0)
        for step in range(10_000):
            b = box(i, x + dx * 8.0 * step, y + dy * 8.0 * step)
            clear = (
                (boxes[:, 0] >= b[2] + pad)
                | (boxes[:, 2] <= b[0] - pad)
                | (boxes[:, 1] >= b[3] + pad)
                | (boxes[:, 3] <= b[1] - pad)
            )
            if clear.all():
                break
        out[i] = (x + dx * 8.0 * step, y + dy * 8.0 * step)
        boxes = np.vstack([boxes, b])
    return out, all_fonts


def columns(
    focus: str,
    left: Sequence[str],
    right: Sequence[str],
    labels: Mapping[str, str],
    sizes: Mapping[str, float],
    font: float = 20.0,
    gap: float = COLUMN_GAP,
    shown: tuple[int, int] = (0, 0),
) -> tuple[dict[str, tuple[float, float]], dict[str, float]]:
    """An ego layout: ``left`` stacked top-down in a column left of ``focus``, ``right`` right of it.

    Each node's row is as tall as its dot plus its label, so no two labels overlap by
    construction; the columns stand ``gap`` plus their widest label away from the focus.
    The focus sits level with the middle of the first ``shown`` rows of each column
    (callers put the nodes the page opens with at the top, so its fit frames them).
    """
    pos: dict[str, tuple[float, float]] = {}
    fonts = {n: font for n in [focus, *left, *right]}
    heads: list[float] = []
    for side, group in ((-1, left), (1, right)):
        half = max((label_width(labels[n], font) / 2 for n in group), default=0.0)
        y = 0.0
        for k, n in enumerate(group):
            r = sizes[n]
            pos[n] = (side * (gap + half), y + r)
            y += 2 * r + 1.5 * font + ROW_GAP
            if k + 1 == shown[0 if side < 0 else 1]:
                heads.append(y)
    pos[focus] = (0.0, max(heads, default=0.0) / 2)
    return pos, fonts


#: A page script (for tests and benchmarks): every node label's box on screen (DOM pixels)
#: after the layout has settled, from the node's canvas position (getPositions ->
#: canvasToDOM), its radius, and the label's width measured
#: with the node's font at the current zoom.  vis draws a dot's label centred below it,
#: its top ``size + font/2 + 4`` canvas units under the centre.  Labels vis skips (smaller
#: than the threshold on screen) are reported with ``drawn: false``; hidden nodes not at all.
LABEL_BOXES_JS = """
() => {
  const net = kgNetwork, scale = net.getScale(), ctx = document.createElement("canvas").getContext("2d");
  const ids = net.body.nodeIndices.filter((id) => !net.body.nodes[id].options.hidden);
  const pos = net.getPositions(ids);
  const out = [];
  for (const id of ids) {
    const node = net.body.nodes[id], o = node.options;
    if (!o.label) { continue; }
    const px = o.font.size * scale;
    ctx.font = `${px}px ${o.font.face}`;
    const width = ctx.measureText(o.label).width;
    const p = net.canvasToDOM(pos[id]);
    const top = p.y + (o.size + o.font.size / 2 + 4) * scale;
    const vis = node.labelModule.size;
    const visTop = net.canvasToDOM({x: vis.left, y: vis.top});
    out.push({id: id, label: o.label, size: o.size, drawn: px >= o.scaling.label.drawThreshold, px: px,
              box: [p.x - width / 2, top, p.x + width / 2, top + px],
              visBox: [visTop.x, visTop.y, visTop.x + vis.width * scale, visTop.y + vis.height * scale]});
  }
  return out;
}
"""


def screen_overlaps(labels: Sequence[Mapping[str, object]], tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of on-screen label boxes (from :data:`LABEL_BOXES_JS`) that overlap."""
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = a["box"], b["box"]  # type: ignore[misc]
            if min(r1, r2) - max(l1, l2) > tolerance and min(b1, b2) - max(t1, t2) > tolerance:
                out.append((str(a["label"]), str(b["label"])))
    return out
