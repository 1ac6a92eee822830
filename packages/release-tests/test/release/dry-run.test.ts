// The publish step of `pnpm release`, without the upload: pnpm packs each package and hands
// it to npm, which checks the manifest and reports what it would publish, and where.
import { describe, expect, it } from "vitest";
import { run } from "../support/run.js";
import { publicPackages } from "../support/workspace.js";

interface DryRunReport {
  id: string;
  size: number;
  files: { path: string }[];
}

describe.each(publicPackages().map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (name, pkg) => {
  it("would publish publicly to the npm registry under its own name and version", async () => {
    const result = await run("pnpm", ["publish", "--dry-run", "--no-git-checks", "--json"], {
      cwd: pkg.dir,
      env: { ...process.env, npm_config_loglevel: "notice" },
    });
    expect(result.status, result.output).toBe(0);
    expect(result.stderr).toMatch(
      /Publishing to https:\/\/registry\.npmjs\.org\/ with tag latest and public access \(dry-run\)/,
    );
    const json = JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))) as Record<string, DryRunReport>;
    const report = json[name] ?? (json as unknown as DryRunReport);
    expect(report.id).toBe(`${name}@${pkg.manifest.version}`);
    const paths = report.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(["package.json", "LICENSE", "README.md", "CHANGELOG.md"]));
    expect(paths.some((path) => path.startsWith("dist/"))).toBe(true);
  });
});
