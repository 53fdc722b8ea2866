"""A claim's provenance graph as inline SVG, laid out in Python: origins → relays → reports → claim.

Layered and deterministic: one column per layer, nodes in the order they are first met, straight edges.
Denials come from their deniers through their reports, drawn in the `deny` colour. Every label is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from claimledger.models import Attribution, Claim, Report

COLUMN_X = (10, 230, 450, 670)
NODE_WIDTH = 190
NODE_HEIGHT = 26
ROW = 36
LABEL_CHARS = 27


@dataclass(slots=True)
class Layout:
    """Nodes per column (key → label and css class) and edges (from key, to key, css class)."""

    columns: tuple[dict[str, tuple[str, str]], ...] = field(default_factory=lambda: ({}, {}, {}, {}))
    edges: set[tuple[str, str, str]] = field(default_factory=set)

    def node(self, column: int, key: str, label: str, kind: str) -> str:
        self.columns[column].setdefault(key, (label, kind))
        return key


def layout(claim: Claim, reports: Mapping[str, Report], attributions: Mapping[str, Attribution]) -> Layout:
    """Who said it first, who passed it on, which reports carry it, who denied it in which report."""
    graph = Layout()
    claim_key = graph.node(3, "claim", claim.summary, "claim")
    for origin in claim.origins:
        origin_key = graph.node(0, f"o:{origin.key}", origin.canonical, "origin")
        for report_id in origin.reports:
            report_key = graph.node(2, f"r:{report_id}", _report_label(report_id, reports), "report")
            if origin.via:
                relay_key = graph.node(1, f"v:{origin.via}", origin.via, "relay")
                graph.edges |= {(origin_key, relay_key, "assert"), (relay_key, report_key, "assert")}
            else:
                graph.edges.add((origin_key, report_key, "assert"))
            graph.edges.add((report_key, claim_key, "assert"))
    for statement in claim.denials:
        attribution = attributions.get(statement.attribution_id)
        mention = None if attribution is None else attribution.origin
        name = "unnamed" if mention is None else mention.canonical or (mention.span and mention.span.text)
        denier_key = graph.node(0, f"d:{name}", str(name), "denier")
        report_key = graph.node(
            2, f"r:{statement.report_id}", _report_label(statement.report_id, reports), "report"
        )
        graph.edges |= {(denier_key, report_key, "deny"), (report_key, claim_key, "deny")}
    return graph


def _report_label(report_id: str, reports: Mapping[str, Report]) -> str:
    report = reports.get(report_id)
    if report is None:
        return report_id[:8]
    date = report.meta.published.isoformat() if report.meta.published else "undated"
    return f"{date} {report.meta.publisher or report_id[:8]}"


def svg(graph: Layout) -> Markup:
    """The graph as an `<svg>` element; node positions by column and row, edges drawn beneath nodes."""
    places: dict[str, tuple[int, int]] = {}
    rows = max(len(column) for column in graph.columns) or 1
    height = rows * ROW + 10
    for index, column in enumerate(graph.columns):
        top = (height - len(column) * ROW) // 2
        for row, key in enumerate(column):
            places[key] = (COLUMN_X[index], top + row * ROW + 5)
    parts = [
        f'<svg class="provenance" viewBox="0 0 {COLUMN_X[-1] + NODE_WIDTH + 10} {height}" role="img"'
        ' aria-label="provenance graph">'
    ]
    for start, end, kind in sorted(graph.edges):
        (x1, y1), (x2, y2) = places[start], places[end]
        parts.append(
            f'<line class="edge {kind}" x1="{x1 + NODE_WIDTH}" y1="{y1 + NODE_HEIGHT // 2}"'
            f' x2="{x2}" y2="{y2 + NODE_HEIGHT // 2}"/>'
        )
    for column in graph.columns:
        for key, (label, kind) in column.items():
            x, y = places[key]
            short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
            parts.append(
                f'<g class="node {kind}"><title>{escape(label)}</title>'
                f'<rect x="{x}" y="{y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="4"/>'
                f'<text x="{x + 6}" y="{y + 17}">{escape(short)}</text></g>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
