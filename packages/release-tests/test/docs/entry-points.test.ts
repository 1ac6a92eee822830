// `pnpm docs` documents each public package from the sources behind its exports. Building
// the whole site takes longer than a test should (about 25 s), so this checks what it
// depends on: every export of every public package maps to a source TypeDoc can read.
import { describe, expect, it } from "vitest";
import { entryPoints } from "../../scripts/docs-entries.mjs";
import { publicPackages } from "../support/workspace.js";

describe.each(publicPackages().map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (_name, pkg) => {
  it("has a source file behind every export, for the API reference", () => {
    const exported = Object.keys(pkg.manifest.exports ?? {}).filter((key) => key !== "./package.json");
    const sources = entryPoints(pkg.dir, pkg.manifest);
    expect(sources.length).toBe(exported.length);
    for (const source of sources) expect(source).toMatch(/^src\/[\w/-]+\.ts$/);
  });
});

it("refuses an export without a source", () => {
  const pkg = publicPackages()[0]!;
  expect(() =>
    entryPoints(pkg.dir, { exports: { "./missing": { import: { default: "./dist/missing.js" } } } }),
  ).toThrow(/no source src\/missing\.ts/);
});
