// A small SVG writer: one panel of horizontal bars per chart of each section, kapsokit's bar
// highlighted, each bar labelled with its value. No dependencies.
import { fmt } from "./format.js";
import type { ChartPanel, Section } from "./section.js";

const WIDTH = 820;
const LABEL = 240;
const BAR_AREA = WIDTH - LABEL - 110;
const BAR = 18;
const GAP = 6;
const TITLE = 28;
const PANEL_GAP = 18;
const MARGIN = 12;

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function panel(chart: ChartPanel, top: number): { svg: string; height: number } {
  const max = Math.max(...chart.bars.map((b) => b.value), Number.MIN_VALUE);
  const parts = [
    `<text x="0" y="${top + 18}" class="title">${escapeXml(chart.title)}${chart.higherIsBetter ? " (longer is better)" : ""}</text>`,
  ];
  chart.bars.forEach((bar, i) => {
    const y = top + TITLE + i * (BAR + GAP);
    const width = Math.max(1, (bar.value / max) * BAR_AREA);
    const ours = bar.label === "kapsokit" || bar.label.startsWith("kapsokit ");
    parts.push(
      `<text x="${LABEL - 8}" y="${y + BAR - 5}" class="label" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${LABEL}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" rx="2" class="${ours ? "ours" : "peer"}"/>`,
      `<text x="${(LABEL + width + 6).toFixed(1)}" y="${y + BAR - 5}" class="value">${escapeXml(`${fmt(bar.value)} ${chart.unit}`)}</text>`,
    );
  });
  return { svg: parts.join("\n"), height: TITLE + chart.bars.length * (BAR + GAP) };
}

/** The chart of every section's panels, stacked. */
export function renderChart(sections: Section[]): string {
  const panels: string[] = [];
  let top = 0;
  for (const chart of sections.flatMap((s) => s.charts)) {
    const { svg, height } = panel(chart, top);
    panels.push(svg);
    top += height + PANEL_GAP;
  }
  const width = WIDTH + 2 * MARGIN;
  const height = top + 2 * MARGIN - PANEL_GAP;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">`,
    "<title>kapsokit and its peers, figure by figure</title>",
    "<style>.title{font-size:14px;font-weight:600;fill:#222}.label,.value{font-size:12px;fill:#333}.ours{fill:#1f7a4d}.peer{fill:#9aa5b1}</style>",
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<g transform="translate(${MARGIN},${MARGIN})">`,
    ...panels,
    "</g>",
    "</svg>",
    "",
  ].join("\n");
}
