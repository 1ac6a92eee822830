// Are the Types Wrong on each packed tarball, under its strict profile: every entry point
// must resolve to types of the right module kind under node16 (from ESM and from CJS) and
// bundler resolution, and the root entry under the old node10 resolution too (through
// `main` and `types`). Subpaths need `exports`, which node10 does not read, so their node10
// resolution is the one problem allowed.
import { describe, expect, it } from "vitest";
import { tarballOf } from "../support/packed.js";
import { run } from "../support/run.js";
import { publicPackages, root } from "../support/workspace.js";

const attw = new URL("../../node_modules/.bin/attw", import.meta.url).pathname;

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

interface AttwReport {
  analysis: { packageName: string; problems: AttwProblem[]; entrypoints: Record<string, unknown> };
}

describe.each(publicPackages().map((pkg) => [pkg.manifest.name] as const))("%s", (name) => {
  it("has no type resolution problems but node10 on subpaths", async () => {
    const result = await run(attw, [tarballOf(name), "--format", "json", "--profile", "strict"], {
      cwd: root,
    });
    const report = JSON.parse(result.stdout) as AttwReport;
    expect(report.analysis.packageName).toBe(name);
    expect(Object.keys(report.analysis.entrypoints)).toContain(".");
    const problems = report.analysis.problems.filter(
      (problem) =>
        !(
          problem.resolutionKind === "node10" &&
          problem.entrypoint !== "." &&
          problem.kind === "NoResolution"
        ),
    );
    expect(problems, result.stderr).toEqual([]);
    // attw's own verdict agrees once the allowed node10 problems are set aside.
    if (report.analysis.problems.length === 0) {
      expect(result.status).toBe(0);
    }
  });
});
