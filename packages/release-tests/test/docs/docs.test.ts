// `pnpm run docs`: the TypeDoc site of the public packages, built from the declarations behind
// each export. The build takes about 10 s, so the real thing runs here, into a temp folder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryPoints } from "../../scripts/docs-entries.mjs";
import { type RunResult, run } from "../support/run.js";
import { publicPackages } from "../support/workspace.js";

const script = fileURLToPath(new URL("../../scripts/docs.mjs", import.meta.url));
let out = "";
let build: RunResult;

/** TypeDoc's file name for a module: `@kapsokit/testing/vitest` → `_kapsokit_testing.vitest`. */
function modulePage(name: string, subpath: string | undefined, multiple: boolean): string {
  const base = name.replace(/[@/]/g, "_");
  return `modules/${multiple ? `${base}.${subpath ?? "index"}` : base}.html`;
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "kapsokit-docs-out-"));
  build = await run(process.execPath, [script, out], { cwd: process.cwd(), timeoutMs: 120_000 });
}, 150_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

it("builds the site", () => {
  expect(build.status, build.output).toBe(0);
  expect(readFileSync(join(out, "index.html"), "utf8")).toContain("kapsokit");
});

describe.each(publicPackages().map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (name, pkg) => {
  it("has a page for every entry point it exports", () => {
    const subpaths = Object.keys(pkg.manifest.exports ?? {})
      .filter((key) => key !== "./package.json")
      .map((key) => (key === "." ? undefined : key.slice(2)));
    for (const subpath of subpaths) {
      const page = modulePage(name, subpath, subpaths.length > 1);
      expect(existsSync(join(out, page)), page).toBe(true);
    }
  });
});

it("refuses an export whose declarations are not built", () => {
  const pkg = publicPackages()[0]!;
  const manifest = {
    name: pkg.manifest.name,
    exports: { "./missing": { import: { types: "./dist/missing.d.ts" } } },
  };
  expect(() => entryPoints(pkg.dir, manifest)).toThrow(/dist\/missing\.d\.ts is not built/);
});
