// Are the Types Wrong on each packed tarball: every entry point resolves to types of the
// right module kind under node16 (from ESM and from CJS) and bundler resolution. The root
// entry also has to work under the old node10 resolution (through `main` and `types`);
// subpaths need `exports`, which node10 does not read.
import { describe, expect, it } from "vitest";
import { tarballOf } from "../support/packed.js";
import { run } from "../support/run.js";
import { publicPackages, root } from "../support/workspace.js";

const attw = new URL("../../node_modules/.bin/attw", import.meta.url).pathname;

async function attwOn(tarball: string, options: string[]) {
  return run(attw, [tarball, "--format", "table-flipped", "--no-emoji", "--no-color", ...options], {
    cwd: root,
  });
}

describe.each(publicPackages().map((pkg) => [pkg.manifest.name] as const))("%s", (name) => {
  it("has no problems in any entry point under the node16 profile", async () => {
    const result = await attwOn(tarballOf(name), ["--profile", "node16"]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).not.toMatch(/\bProblems?\b|ESM \(dynamic import only\)|Resolution failed │ [^(]/);
  });

  it("has no problems in its root entry under the strict profile, node10 included", async () => {
    const result = await attwOn(tarballOf(name), ["--profile", "strict", "--entrypoints", "."]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain("No problems found");
  });
});
