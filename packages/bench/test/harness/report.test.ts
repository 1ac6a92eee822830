import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/harness/report.js";
import type { Section } from "../../src/harness/section.js";
import { renderChart } from "../../src/harness/svg-chart.js";

const section: Section = {
  id: "demo",
  title: "Demo <figure>",
  method: "Measured twice.",
  columns: ["client", "median ms"],
  rows: [
    ["kapsokit", "1.00"],
    ["peer", "4.00"],
  ],
  targets: [
    { name: "faster than the peer", ratio: 0.25, limit: 0.5, limitText: "≤ 1/2" },
    { name: "smaller than the peer", ratio: 2, limit: 1, limitText: "≤ 1×" },
  ],
  charts: [
    {
      title: "Demo & more",
      unit: "ms",
      bars: [
        { label: "kapsokit", value: 1 },
        { label: "peer", value: 4 },
      ],
    },
  ],
  notes: ["A note."],
};
const machine = { cpu: "Test CPU", cores: 2, ramGiB: 4, node: "v20.0.0", os: "Linux", load: 1.5 };

describe("renderMarkdown", () => {
  const markdown = renderMarkdown({
    sections: [section],
    machine,
    loadAtStart: 0.25,
    started: new Date("2026-01-02T03:04:05.678Z"),
    chartFile: "chart.svg",
  });

  it("states the machine, the date, the command and the chart", () => {
    expect(markdown).toContain("Test CPU, 2 cores");
    expect(markdown).toContain("start and end of the run: 0.25, 1.50");
    expect(markdown).toContain("2026-01-02T03:04:05Z");
    expect(markdown).toContain("pnpm bench");
    expect(markdown).toContain("](chart.svg)");
  });

  it("says which targets are met, from the ratios", () => {
    expect(markdown).toContain("Targets: 1 of 2 met");
    expect(markdown).toContain("| faster than the peer | 0.250× | ≤ 1/2 | yes |");
    expect(markdown).toContain("| smaller than the peer | 2.00× | ≤ 1× | **no** |");
  });

  it("renders each section's table and notes", () => {
    expect(markdown).toContain("| kapsokit | 1.00 |");
    expect(markdown).toContain("A note.");
  });
});

describe("renderChart", () => {
  const svg = renderChart([section]);

  it("draws one bar per figure, scaled to the longest", () => {
    const widths = [...svg.matchAll(/<rect x="\d+" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]! / widths[0]!).toBeCloseTo(4, 1);
  });

  it("escapes text and highlights kapsokit", () => {
    expect(svg).toContain("Demo &amp; more");
    expect(svg).toMatch(/class="ours"/);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });
});
