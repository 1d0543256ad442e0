"""Node positions for the HTML view, computed once in Python.

A browser running vis-network's physics on 5 000 nodes needs tens of seconds
to settle (measured here: about 60 ms per Barnes-Hut step in headless
Chromium, hundreds of steps). Positions computed beforehand let the page draw
once with physics off, in about a second, and the file is the same run after
run (seeded).

- Each connected component is laid out on its own, at the same spacing, and
  the components are then packed side by side in rows, largest first
  (``pack``): a corpus of several counties is several pictures, each readable
  when zoomed in, rather than one disc with the small ones squeezed onto its rim.
- A component larger than ``SMALL`` (several counties joined by their
  province and by articles that name both) is split into its communities
  (networkx's Louvain method, seeded), each laid out on its own and packed
  the same way: one cluster per county or district, cross-links drawn long.
- Small components (up to ``SMALL``) use networkx's Fruchterman-Reingold
  ``spring_layout``, which is exact and quick at that size.
- Larger ones use the same forces, but the all-pairs repulsion is computed
  on a grid: node density is binned and convolved with the repulsion kernel by
  FFT (the particle-mesh method of N-body codes), so one step costs
  O(n + edges + grid log grid) instead of O(n²). Attraction along edges is
  exact. networkx's own large-graph path needs scipy, which govkg does not.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SMALL = 400          # nodes: at or below this, networkx's spring_layout
SPACING = 110.0      # pixels between neighbouring nodes in the page
SEED = 7


#: Width / height of the packed picture: about the shape of the page's network pane.
ASPECT = 1.6
#: Empty space between packed components, in pixels.
GAP = SPACING * 1.5


def layout(graph: nx.Graph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Positions in page pixels for every node of ``graph`` (direction and parallel edges ignored)."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    if simple.number_of_nodes() == 0:
        return {}
    parts = [_clustered_layout(simple.subgraph(c), seed)
             for c in sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))]
    return pack(parts)


def _clustered_layout(component: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """A component's positions: laid out whole when small, else community by community, packed."""
    if component.number_of_nodes() <= SMALL:
        return component_layout(component, seed)
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(component.nodes))
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in component.edges()))
    communities = sorted(nx.community.louvain_communities(ordered, seed=seed), key=lambda c: (-len(c), min(c)))
    if len(communities) == 1:
        return component_layout(component, seed)
    parts = [component_layout(ordered.subgraph(c), seed) for c in communities]
    return arrange(parts, ordered, seed)


def arrange(parts: list[dict[str, tuple[float, float]]], graph: nx.Graph,
            seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Clusters placed near the clusters they link to, none overlapping another.

    The clusters' centres come from a spring layout of the cluster graph (an
    edge per linked pair, weighted by the links); then the centres are spread
    just enough that no two clusters' discs (with a ``GAP``) overlap.
    """
    owner = {node: i for i, part in enumerate(parts) for node in part}
    between = nx.Graph()
    between.add_nodes_from(range(len(parts)))
    for u, v in graph.edges():
        a, b = owner[u], owner[v]
        if a != b:
            weight = between.get_edge_data(a, b, {"weight": 0})["weight"]
            between.add_edge(a, b, weight=weight + 1)
    spring = nx.spring_layout(between, seed=seed, weight="weight", iterations=100)
    radius = np.array([max(math.hypot(x, y) for x, y in part.values()) + GAP / 2 for part in parts])
    # Scale the spring picture so that the discs would fill about half of it, then push
    # overlapping discs apart until none overlaps (a few dozen rounds at most).
    side = math.sqrt(float(np.sum(np.pi * radius ** 2)) / 0.5)
    centres = np.array([spring[i] for i in range(len(parts))], dtype=float) * side / 2
    _separate(centres, radius)
    placed = {}
    for i, part in enumerate(parts):
        cx, cy = centres[i]
        placed.update({node: (float(cx) + x, float(cy) + y) for node, (x, y) in part.items()})
    return placed


def component_layout(component: nx.Graph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """One connected component's positions in pixels, centred on (0, 0)."""
    n = component.number_of_nodes()
    if n == 1:
        return {next(iter(component.nodes)): (0.0, 0.0)}
    if n <= SMALL:
        ordered = nx.Graph()
        ordered.add_nodes_from(sorted(component.nodes))
        ordered.add_edges_from(sorted(component.edges()))
        raw = nx.spring_layout(ordered, seed=seed, iterations=80, center=(0, 0))
        # spring_layout fits the picture into [-1, 1]²; give each node room in pixels.
        scale = SPACING * math.sqrt(n) * 0.7
        return {v: (float(x) * scale, float(y) * scale) for v, (x, y) in raw.items()}
    order = sorted(component.nodes)
    index = {v: i for i, v in enumerate(order)}
    edges = np.array([(index[u], index[v]) for u, v in component.edges()], dtype=np.int64).reshape(-1, 2)
    pos = mesh_force_layout(n, edges, seed=seed) * SPACING
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(order)}


def pack(parts: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Components side by side in rows (shelf packing), largest first, centred on (0, 0).

    The row width is chosen so that the whole is about ``ASPECT`` times as wide
    as it is high; each component keeps its own picture.
    """
    boxes = []
    for part in parts:
        xs = [x for x, _ in part.values()]
        ys = [y for _, y in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + GAP, max(ys) - min(ys) + GAP))
    area = sum(w * h for _, _, w, h in boxes)
    row_width = max(max(w for _, _, w, _ in boxes), math.sqrt(area * ASPECT))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, (left, top, width, height) in zip(parts, boxes):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (nx_, ny_) in part.items():
            placed[node] = (x + nx_ - left, y + ny_ - top)
        x += width
        row_height = max(row_height, height)
    cx = (min(p[0] for p in placed.values()) + max(p[0] for p in placed.values())) / 2
    cy = (min(p[1] for p in placed.values()) + max(p[1] for p in placed.values())) / 2
    return {v: (round(px - cx, 1), round(py - cy, 1)) for v, (px, py) in placed.items()}


def _separate(centres: np.ndarray, radius: np.ndarray, rounds: int = 200) -> None:
    """Move discs (centres changed in place) apart until no two overlap."""
    need = radius[:, None] + radius[None, :]
    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(need - dist, 0, None)
        if not overlap.any():
            return
        direction = delta / np.maximum(dist, 1e-9)[..., None]
        direction[dist == 0] = (1.0, 0.0)  # two discs on one spot: split them sideways
        centres += (direction * (overlap / 2)[..., None]).sum(axis=1) * 0.5


def mesh_force_layout(n: int, edges: np.ndarray, iterations: int = 150, seed: int = SEED) -> np.ndarray:
    """Fruchterman-Reingold with grid (FFT) repulsion; ideal edge length 1.

    Returns an ``(n, 2)`` array. Forces: attraction d²/k along edges,
    repulsion k²/d between all pairs (on the grid), a weak pull to the centre
    so that separate components stay in one picture, and a step size that
    cools linearly as in the original algorithm.
    """
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    grid = 1 << max(6, math.ceil(math.log2(side * 1.5)))  # cells about one ideal length wide
    kernel_fft = _repulsion_kernel(grid)
    temperature = side / 8
    limit = side * 0.6  # a disc of radius 0.6·√n holds n nodes at spacing ≈ 1
    cool = temperature / (iterations + 1)
    src, dst = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    for _ in range(iterations):
        disp = _grid_repulsion(pos, grid, kernel_fft)
        if len(src):
            delta = pos[dst] - pos[src]
            dist = np.hypot(delta[:, 0], delta[:, 1])[:, None]
            pull = delta * dist  # FR attraction d²/k along the unit vector, k = 1
            np.add.at(disp, src, pull)
            np.add.at(disp, dst, -pull)
        disp -= 0.05 * (pos - pos.mean(axis=0))
        length = np.hypot(disp[:, 0], disp[:, 1])[:, None]
        pos += disp / np.maximum(length, 1e-9) * np.minimum(length, temperature)
        # Nodes with few or no edges would drift off and stretch the grid until
        # the crowd in the middle falls into a few cells: keep everyone in a disc
        # big enough for n nodes one ideal length apart.
        centre = pos.mean(axis=0)
        radius = np.hypot(*(pos - centre).T)[:, None]
        pos = centre + (pos - centre) * np.minimum(1.0, limit / np.maximum(radius, 1e-9))
        temperature -= cool
    return pos - pos.mean(axis=0)


def _repulsion_kernel(grid: int) -> tuple[np.ndarray, np.ndarray]:
    """FFT of the repulsion field k²·r/|r|² of one unit mass, on a (2·grid)² torus.

    The doubled size keeps the periodic convolution from wrapping around.
    """
    size = 2 * grid
    offsets = np.fft.fftfreq(size, d=1.0 / size)  # 0, 1, …, -1 in cell units
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = dx * dx + dy * dy
    r2[0, 0] = np.inf  # a node does not push itself
    return np.fft.rfft2(dx / r2), np.fft.rfft2(dy / r2)


def _grid_repulsion(pos: np.ndarray, grid: int, kernel_fft: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    low = pos.min(axis=0)
    span = max(float((pos.max(axis=0) - low).max()), 1e-9)
    cell = span / (grid - 1)
    cells = np.clip(((pos - low) / cell).round().astype(np.int64), 0, grid - 1)
    density = np.zeros((2 * grid, 2 * grid))
    np.add.at(density, (cells[:, 0], cells[:, 1]), 1.0)
    dens_fft = np.fft.rfft2(density)
    size = (2 * grid, 2 * grid)
    fx = np.fft.irfft2(dens_fft * kernel_fft[0], s=size)
    fy = np.fft.irfft2(dens_fft * kernel_fft[1], s=size)
    # Field in cell units of distance; repulsion k²/d scales as 1/cell in layout units.
    force = np.stack([fx[cells[:, 0], cells[:, 1]], fy[cells[:, 0], cells[:, 1]]], axis=1) / cell
    # Nodes sharing a cell feel nothing from each other on the grid: a small push
    # away from the cell centre separates them.
    force += (pos - (low + cells * cell)) / max(cell * cell, 1e-9) * 0.5
    return force
