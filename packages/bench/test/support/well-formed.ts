import { expect } from "vitest";
import type { Section } from "../../src/harness/section.js";

// A table cell holding a figure: "1,234", "0.42×", "8.26 kB", "15.1 s"; "–", "-" or "" for none.
const FIGURE = /^(1\/)?-?[\d,]+(\.\d+)?(×| ?[a-zA-Z/]+)?$/;

/**
 * Checks that a benchmark produced a usable section: every row as wide as the header, every
 * figure a finite number, targets with finite ratios and limits, and chart bars with values.
 * Says nothing about speed.
 */
export function expectWellFormed(section: Section, { figureColumns }: { figureColumns: number[] }): void {
  expect(section.title).not.toBe("");
  expect(section.method.length).toBeGreaterThan(40);
  expect(section.rows.length).toBeGreaterThan(0);
  for (const row of section.rows) {
    expect(row).toHaveLength(section.columns.length);
    for (const column of figureColumns) {
      const cell = row[column] ?? "";
      if (cell === "" || cell === "–" || cell === "-") {
        continue;
      }
      expect(cell, `${section.columns[column]} of ${row[0]}`).toMatch(FIGURE);
      expect(Number.isFinite(Number.parseFloat(cell.replace(/,/g, "")))).toBe(true);
    }
  }
  for (const target of section.targets) {
    expect(Number.isFinite(target.ratio), target.name).toBe(true);
    expect(target.ratio).toBeGreaterThan(0);
    expect(target.limit).toBeGreaterThan(0);
  }
  expect(section.charts.length).toBeGreaterThan(0);
  for (const chart of section.charts) {
    expect(chart.bars.length).toBeGreaterThan(0);
    for (const bar of chart.bars) {
      expect(Number.isFinite(bar.value), `${chart.title}: ${bar.label}`).toBe(true);
      expect(bar.value).toBeGreaterThan(0);
    }
  }
}

/** Options for a benchmark run with tiny counts and no output. */
export const quick = { quick: true, log: () => {} };
