// A user's first day: a fresh project outside the workspace installs the packed tarballs
// with npm, then imports them with `import` and `require`, type-checks a strict program
// under NodeNext and Bundler, and runs its own vitest suite against @kapsokit/testing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { userEnv } from "../support/npm-env.js";
import { tarballOf } from "../support/packed.js";
import { type RunResult, run, runOk } from "../support/run.js";
import { catalogVersion, type Manifest, publicPackages } from "../support/workspace.js";

const template = fileURLToPath(new URL("../../consumer/", import.meta.url));
const packages = publicPackages();

let project = "";
const node = (args: string[]): Promise<RunResult> =>
  run(process.execPath, args, { cwd: project, env: userEnv() });

interface LoadReport {
  client: string;
  testing: string;
  status: string;
  templateName: string;
  recorded: string[];
  refused: string;
  cliRun: string;
}

function lastJsonLine<T>(result: RunResult): T {
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as T;
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "kapsokit-consumer-"));
  cpSync(template, project, { recursive: true });
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "kapsokit-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  // Whatever could be packed; a package that could not fails the first test below.
  const packed = inject("tarballs");
  const tarballs = packages.flatMap((pkg) => packed[pkg.manifest.name] ?? []);
  await runOk(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--loglevel=error",
      ...tarballs,
      `typescript@${catalogVersion("typescript")}`,
      `vitest@${catalogVersion("vitest")}`,
    ],
    { cwd: project, env: userEnv(), timeoutMs: 180_000 },
  );
}, 240_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("npm install of the tarballs in a fresh project", () => {
  it("takes every @kapsokit package from its tarball, none from the registry", () => {
    const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };
    for (const pkg of packages) {
      tarballOf(pkg.manifest.name);
      const entry = lock.packages[`node_modules/${pkg.manifest.name}`];
      expect(entry?.version, pkg.manifest.name).toBe(pkg.manifest.version);
      expect(entry?.resolved, pkg.manifest.name).toMatch(/^file:.*\.tgz$/);
    }
    const nested = Object.keys(lock.packages).filter((path) =>
      /node_modules\/.+\/node_modules\/@kapsokit\//.test(path),
    );
    expect(nested, "one copy of each package, shared by its dependents").toEqual([]);
  });

  it("installs each package's runtime dependencies and nothing from its devDependencies", () => {
    for (const pkg of packages) {
      const installed = JSON.parse(
        readFileSync(join(project, "node_modules", pkg.manifest.name, "package.json"), "utf8"),
      ) as Manifest;
      for (const dependency of Object.keys(installed.dependencies ?? {})) {
        expect(
          () => readFileSync(join(project, "node_modules", dependency, "package.json")),
          dependency,
        ).not.toThrow();
      }
    }
    for (const devOnly of ["tsup", "openapi-typescript", "@stoplight/prism-cli"]) {
      expect(() => readFileSync(join(project, "node_modules", devOnly, "package.json")), devOnly).toThrow();
    }
  });
});

describe("loading the client", () => {
  it.each([
    { how: "ESM import, from the ESM build", script: "esm.mjs", build: "js" },
    { how: "CommonJS require, from the CommonJS build", script: "cjs.cjs", build: "cjs" },
  ])("works with $how", async ({ script, build }) => {
    const result = await node([script]);
    expect(result.status, result.output).toBe(0);
    const report = lastJsonLine<LoadReport>(result);
    expect(report.client).toMatch(new RegExp(`node_modules/@kapsokit/client/dist/index\\.${build}$`));
    expect(report.testing).toMatch(new RegExp(`node_modules/@kapsokit/testing/dist/index\\.${build}$`));
    expect(report).toMatchObject({
      status: "success",
      templateName: "order_update",
      refused: "ValidationError",
      cliRun: "function",
    });
    expect(report.recorded).toEqual(["+14155550123"]);
  });
});

describe("the command line", () => {
  it("runs as `kapsokit` from the project's node_modules/.bin", async () => {
    const result = await run(join(project, "node_modules", ".bin", "kapsokit"), ["--help"], {
      cwd: project,
      env: userEnv(),
    });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/kapsokit/);
    expect(result.stdout).toMatch(/\bsend\b/);
  });
});

describe("type-checking a strict program", () => {
  const tsc = () => join(project, "node_modules", "typescript", "bin", "tsc");

  it.each([
    ["NodeNext", "tsconfig.nodenext.json"],
    ["Bundler", "tsconfig.bundler.json"],
  ])("passes under moduleResolution %s, each @ts-expect-error a real error", async (_resolution, config) => {
    const result = await node([tsc(), "-p", config, "--pretty", "false"]);
    expect(result.status, result.output).toBe(0);
  });
});

describe("the user's own vitest suite", () => {
  it("sends a template through the client against the mock, asserts with the matcher, and serves HTTP", async () => {
    const result = await node([
      join(project, "node_modules", "vitest", "vitest.mjs"),
      "run",
      "--reporter=json",
      "--outputFile=vitest-report.json",
    ]);
    expect(result.status, result.output).toBe(0);
    const report = JSON.parse(readFileSync(join(project, "vitest-report.json"), "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTests: number;
    };
    expect(report).toMatchObject({ numPassedTests: 3, numFailedTests: 0, numTotalTests: 3 });
  });
});
