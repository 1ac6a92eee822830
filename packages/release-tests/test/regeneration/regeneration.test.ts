// When the API changes, `pnpm generate` carries it into every artifact derived from the
// spec. On a copy of the repo: probes that use a new send field, a new response field and a
// new operation fail, the spec changes, `pnpm generate` and the type-check run, and the same
// probes pass — the types and the mock's validators both picked the change up.
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkingTree } from "../support/repo-copy.js";
import { type RunResult, run, runOk } from "../support/run.js";
import { readManifest, root, workspacePackages } from "../support/workspace.js";
import { applyApiChange } from "./api-change.js";

const probes = fileURLToPath(new URL("../../regeneration/probes/", import.meta.url));
const GENERATED = ["packages/core/src/generated/schema.ts", "packages/testing/src/generated/validators.ts"];
const PROBE_TYPES = "test/api-change.types.probe.ts";

interface ProbeReport {
  passed: string[];
  failed: string[];
}

const rootManifest = readManifest(root);
let copy = "";
const testingDir = () => join(copy, "packages/testing");
const pnpm = (args: string[], cwd = copy): Promise<RunResult> =>
  run("pnpm", args, { cwd, timeoutMs: 180_000 });
const hashes = () =>
  new Map(
    GENERATED.map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(join(copy, file)))
        .digest("hex"),
    ]),
  );

/** The testing package and, through a path mapping, core's sources: no build of core needed. */
const typecheckAgainstCoreSources = () =>
  pnpm(["exec", "tsc", "-p", "tsconfig.api-change.json"], testingDir());

async function runMockProbe(label: string): Promise<ProbeReport> {
  const output = join(copy, `probe-${label}.json`);
  await pnpm(
    ["exec", "vitest", "run", "test/api-change.probe.test.ts", "--reporter=json", `--outputFile=${output}`],
    testingDir(),
  );
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    testResults: { assertionResults: { title: string; status: string }[] }[];
  };
  const results = report.testResults.flatMap((file) => file.assertionResults);
  const titles = (passed: boolean) =>
    results
      .filter((result) => (result.status === "passed") === passed)
      .map((result) => result.title)
      .sort();
  return { passed: titles(true), failed: titles(false) };
}

const before = {
  typecheck: undefined as RunResult | undefined,
  mock: { passed: [], failed: [] } as ProbeReport,
  generated: new Map<string, string>(),
};
const after = {
  generate: undefined as RunResult | undefined,
  typecheck: undefined as RunResult | undefined,
  mock: { passed: [], failed: [] } as ProbeReport,
  generated: new Map<string, string>(),
};

beforeAll(async () => {
  copy = copyWorkingTree("kapsokit-regenerate-");
  // From the store the workspace's own install filled, by the same lockfile; only what
  // `pnpm generate` and the type-check need: the root, and every package with a generator.
  const generators = workspacePackages().filter((pkg) => pkg.manifest.scripts?.generate !== undefined);
  const filters = [rootManifest.name, "@kapsokit/testing", ...generators.map((pkg) => pkg.manifest.name)];
  await runOk(
    "pnpm",
    [
      "install",
      "--offline",
      "--frozen-lockfile",
      "--reporter=append-only",
      ...[...new Set(filters)].flatMap((name) => ["--filter", `${name}...`]),
    ],
    { cwd: copy, timeoutMs: 180_000 },
  );
  for (const probe of readdirSync(probes).filter((file) => file.endsWith(".ts"))) {
    cpSync(join(probes, probe), join(testingDir(), "test", probe));
  }
  writeFileSync(
    join(testingDir(), "tsconfig.api-change.json"),
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: {
        paths: {
          "@kapsokit/core": ["../core/src/index.ts"],
          "@kapsokit/core/internal": ["../core/src/internal/index.ts"],
        },
      },
    }),
  );

  // Before: generate from the unchanged spec (this also fills turbo's cache), then the probes.
  await runOk("pnpm", ["generate"], { cwd: copy });
  before.generated = hashes();
  [before.typecheck, before.mock] = await Promise.all([
    typecheckAgainstCoreSources(),
    runMockProbe("before"),
  ]);

  const specPath = join(copy, "openapi/kapso.yaml");
  writeFileSync(specPath, applyApiChange(readFileSync(specPath, "utf8")));

  after.generate = await pnpm(["generate"]);
  after.generated = hashes();
  [after.typecheck, after.mock] = await Promise.all([typecheckAgainstCoreSources(), runMockProbe("after")]);
}, 300_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe("before the spec changes", () => {
  it("the core types have none of the new field, response field or operation", () => {
    expect(before.typecheck?.status).not.toBe(0);
    const errors = (before.typecheck?.stdout ?? "").split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors.length, before.typecheck?.output).toBeGreaterThanOrEqual(4);
    for (const error of errors) expect(error.startsWith(`${PROBE_TYPES}(`), error).toBe(true);
    for (const name of ["message_tag", "message_id", "archiveWhatsappTemplate", "/archive"]) {
      expect(errors.join("\n"), name).toContain(name);
    }
  });

  it("the mock refuses the new field and does not know the new operation", () => {
    expect(before.mock.failed).toEqual([
      "accepts the new optional field",
      "is routed to its operation id",
      "validates its path parameter like every other operation",
    ]);
    expect(before.mock.passed).toHaveLength(4);
  });
});

describe("after the spec changes and pnpm generate", () => {
  it("regenerates core's types and testing's validators (no stale cache)", () => {
    expect(after.generate?.status, after.generate?.output).toBe(0);
    for (const file of GENERATED)
      expect(after.generated.get(file), file).not.toBe(before.generated.get(file));
    expect(readFileSync(join(copy, GENERATED[0]!), "utf8")).toContain("message_tag");
    expect(readFileSync(join(copy, GENERATED[1]!), "utf8")).toContain("message_tag");
  });

  it("type-checks core's sources and the testing package, the probe using the new types included", () => {
    expect(after.typecheck?.status, after.typecheck?.output).toBe(0);
  });

  it("the mock accepts the new field, routes the new operation and still refuses what the spec forbids", () => {
    expect(after.mock.failed).toEqual([]);
    expect(after.mock.passed).toHaveLength(7);
  });
});
