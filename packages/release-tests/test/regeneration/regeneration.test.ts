// `pnpm generate` on a copy of the repo, with the spec replaced in turn by:
// - the project's spec with an API change: probes that use a new send field, a new response
//   field and a new operation fail before and pass after, types and mock alike;
// - large documents the project does not maintain (regeneration/specs/: OpenAPI 3.0 and 3.1,
//   inline bodies, every format): generation succeeds and the mock validates by them, while
//   core's type names that need the template operations fail, naming each missing one;
// - the project's spec with every schema written inline: core and the client still compile;
// - broken documents: `pnpm generate` fails with one line naming the file, the place and what
//   is missing, and changes no generated file of any package.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunResult, run, runOk } from "../support/run.js";
import { readManifest, root, workspacePackages } from "../support/workspace.js";
import { applyApiChange } from "./api-change.js";

const regeneration = fileURLToPath(new URL("../../regeneration/", import.meta.url));
const probes = join(regeneration, "probes");
const PROBE_TYPES = "test/api-change.types.probe.ts";
const SPEC = "openapi/kapso.yaml";

interface ProbeReport {
  passed: string[];
  failed: string[];
}

const rootManifest = readManifest(root);
let copy = "";
let projectSpec = "";
const testingDir = () => join(copy, "packages/testing");
const pnpm = (args: string[], cwd = copy): Promise<RunResult> =>
  run("pnpm", args, { cwd, timeoutMs: 180_000 });

/** Every generated file of every package in the copy, with a hash of its content. */
function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const pkg of readdirSync(join(copy, "packages"))) {
    const dir = join(copy, "packages", pkg, "src", "generated");
    if (!existsSync(dir)) {
      continue;
    }
    for (const name of readdirSync(dir)) {
      const hash = createHash("sha256")
        .update(readFileSync(join(dir, name)))
        .digest("hex");
      files.set(`packages/${pkg}/src/generated/${name}`, hash);
    }
  }
  return files;
}

const readGenerated = (file: string) => readFileSync(join(copy, file), "utf8");
const useSpec = (text: string) => writeFileSync(join(copy, SPEC), text);

/** A package's own sources type-checked with core's sources in place of its build. */
function typecheckAgainstCoreSources(pkg: "core" | "testing" | "client"): Promise<RunResult> {
  const dir = join(copy, "packages", pkg);
  writeFileSync(
    join(dir, "tsconfig.regeneration.json"),
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: {
        paths: {
          "@kapsokit/core": ["../core/src/index.ts"],
          "@kapsokit/core/internal": ["../core/src/internal/index.ts"],
        },
      },
      // The client's tests import packages this copy does not install; its sources are what counts.
      ...(pkg === "client" ? { include: ["src"] } : {}),
    }),
  );
  return pnpm(["exec", "tsc", "-p", "tsconfig.regeneration.json"], dir);
}

async function runProbe(file: string, label: string): Promise<ProbeReport> {
  const output = join(copy, `probe-${label}.json`);
  await pnpm(
    [
      "exec",
      "vitest",
      "run",
      `test/${file}`,
      "--config=vitest.regeneration.config.ts",
      "--reporter=json",
      `--outputFile=${output}`,
    ],
    testingDir(),
  );
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    testResults: { assertionResults: { title: string; status: string }[] }[];
  };
  const results = report.testResults.flatMap((f) => f.assertionResults);
  const titles = (passed: boolean) =>
    results
      .filter((result) => (result.status === "passed") === passed)
      .map((result) => result.title)
      .sort();
  return { passed: titles(true), failed: titles(false) };
}

const errorLines = (result: RunResult | undefined) =>
  (result?.stdout ?? "").split("\n").filter((line) => /error TS\d+/.test(line));

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), "kapsokit-regenerate-"));
  // The repo as a clone of this working tree would have it: tracked and new files, nothing ignored.
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  // From the store the workspace's own install filled, by the same lockfile; only what
  // `pnpm generate` and the type-checks need: the root, every package with a generator, the client.
  const generators = workspacePackages().filter((pkg) =>
    existsSync(join(pkg.dir, "scripts", "generate.mjs")),
  );
  const filters = [
    rootManifest.name,
    "@kapsokit/testing",
    "@kapsokit/client",
    ...generators.map((p) => p.manifest.name),
  ];
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
  // The mock imports @kapsokit/core/internal at run time; the copy builds nothing, so the
  // probes read it from core's sources.
  const internal = join(copy, "packages/core/src/internal/index.ts");
  writeFileSync(
    join(testingDir(), "vitest.regeneration.config.ts"),
    `import { defineConfig } from "vitest/config";\nexport default defineConfig({ resolve: { alias: { "@kapsokit/core/internal": ${JSON.stringify(internal)} } } });\n`,
  );
  projectSpec = readFileSync(join(copy, SPEC), "utf8");
}, 300_000);

afterAll(() => {
  if (copy) {
    rmSync(copy, { recursive: true, force: true });
  }
});

describe("an API change, through pnpm generate", () => {
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
    await runOk("pnpm", ["generate"], { cwd: copy });
    before.generated = generatedFiles();
    [before.typecheck, before.mock] = await Promise.all([
      typecheckAgainstCoreSources("testing"),
      runProbe("api-change.probe.test.ts", "before"),
    ]);
    useSpec(applyApiChange(projectSpec));
    after.generate = await pnpm(["generate"]);
    after.generated = generatedFiles();
    [after.typecheck, after.mock] = await Promise.all([
      typecheckAgainstCoreSources("testing"),
      runProbe("api-change.probe.test.ts", "after"),
    ]);
  }, 300_000);

  it("before: the core types have none of the new field, response field or operation", () => {
    expect(before.typecheck?.status).not.toBe(0);
    const errors = errorLines(before.typecheck);
    expect(errors.length, before.typecheck?.output).toBeGreaterThanOrEqual(4);
    for (const error of errors) {
      expect(error.startsWith(`${PROBE_TYPES}(`), error).toBe(true);
    }
    for (const name of ["message_tag", "message_id", "archiveWhatsappTemplate", "/archive"]) {
      expect(errors.join("\n"), name).toContain(name);
    }
  });

  it("before: the mock refuses the new field and does not know the new operation", () => {
    expect(before.mock.failed).toEqual([
      "accepts the new optional field",
      "is routed to its operation id",
      "validates its path parameter like every other operation",
    ]);
    expect(before.mock.passed).toHaveLength(4);
  });

  it("after: core's types and the mock's validators are regenerated (nothing cached)", () => {
    expect(after.generate?.status, after.generate?.output).toBe(0);
    for (const file of [
      "packages/core/src/generated/schema.ts",
      "packages/testing/src/generated/validators.js",
    ]) {
      expect(after.generated.get(file), file).not.toBe(before.generated.get(file));
      expect(readGenerated(file), file).toContain("message_tag");
    }
  });

  it("after: core's sources and the testing package type-check, the probe of the new types included", () => {
    expect(after.typecheck?.status, after.typecheck?.output).toBe(0);
  });

  it("after: the mock accepts the new field, routes the new operation and still refuses what the spec forbids", () => {
    expect(after.mock.failed).toEqual([]);
    expect(after.mock.passed).toHaveLength(7);
  });
});

describe.each([
  ["courier-api.yaml", "courier-api.probe.test.ts", "OpenAPI 3.0"],
  ["notebook-api-3.1.yaml", "notebook-api-3.1.probe.test.ts", "OpenAPI 3.1"],
])("a large document the project does not maintain: %s (%s)", (specFile, probe) => {
  const result = {
    generate: undefined as RunResult | undefined,
    mock: { passed: [], failed: [] } as ProbeReport,
    core: undefined as RunResult | undefined,
  };

  beforeAll(async () => {
    useSpec(readFileSync(join(regeneration, "specs", specFile), "utf8"));
    result.generate = await pnpm(["generate"]);
    [result.mock, result.core] = await Promise.all([
      runProbe(probe, specFile),
      typecheckAgainstCoreSources("core"),
    ]);
  }, 300_000);

  it("generates everything from it", () => {
    expect(result.generate?.status, result.generate?.output).toBe(0);
    expect(result.generate?.stderr).toBe("");
  });

  it("gives a mock that routes and validates every request by its schemas", () => {
    expect(result.mock.failed).toEqual([]);
    expect(result.mock.passed.length).toBeGreaterThan(5);
  });

  it("fails core's type-check where it lacks the template operations, naming each", () => {
    expect(result.core?.status).not.toBe(0);
    const errors = errorLines(result.core).join("\n");
    for (const operation of ["sendWhatsappTemplate", "getWhatsappTemplate", "listWhatsappTemplates"]) {
      expect(errors, result.core?.output).toMatch(
        new RegExp(`Type '"${operation}"' does not satisfy the constraint`),
      );
    }
  });
});

describe("the project's spec with every schema written inline", () => {
  const result = {
    generate: undefined as RunResult | undefined,
    core: undefined as RunResult | undefined,
    client: undefined as RunResult | undefined,
  };

  beforeAll(async () => {
    useSpec(projectSpec);
    const specPath = join(copy, SPEC);
    await runOk(process.execPath, [join(regeneration, "inline-schemas.mjs"), specPath], { cwd: copy });
    result.generate = await pnpm(["generate"]);
    [result.core, result.client] = await Promise.all([
      typecheckAgainstCoreSources("core"),
      typecheckAgainstCoreSources("client"),
    ]);
  }, 300_000);

  it("has no component schemas left, and generates", () => {
    expect(readFileSync(join(copy, SPEC), "utf8")).not.toContain("#/components/schemas/");
    expect(result.generate?.status, result.generate?.output).toBe(0);
    expect(readGenerated("packages/core/src/generated/schema.ts")).not.toContain('components["schemas"]');
  });

  it("keeps every public type name of core, and the client compiles with them", () => {
    expect(result.core?.status, result.core?.output).toBe(0);
    expect(result.client?.status, result.client?.output).toBe(0);
  });
});

describe.each([
  [
    "a $ref to a schema that does not exist",
    (spec: string) =>
      spec.replace('$ref: "#/components/schemas/PageMeta"', '$ref: "#/components/schemas/Paging"'),
    /^pnpm generate: openapi\/kapso\.yaml:\d+:\d+: \$ref "#\/components\/schemas\/Paging" points to nothing: components\.schemas has no "Paging"$/m,
  ],
  [
    "YAML that does not parse",
    (spec: string) => spec.replace("paths:\n", "paths:\n  /broken: [\n"),
    /^pnpm generate: openapi\/kapso\.yaml:\d+:\d+: not valid YAML or JSON: .+$/m,
  ],
  [
    "an operation one generator refuses after the other has run (an empty operationId)",
    (spec: string) => spec.replace("operationId: getWhatsappTemplate", 'operationId: ""'),
    /^pnpm generate: openapi\/kapso\.yaml: paths\.\/whatsapp_templates\/\{template_id\}\.get: operationId is empty \(in testing's generator; no file was changed\)$/m,
  ],
])("a broken document: %s", (_name, breakSpec, message) => {
  const result = {
    before: new Map<string, string>(),
    generate: undefined as RunResult | undefined,
    after: new Map<string, string>(),
  };

  beforeAll(async () => {
    useSpec(projectSpec);
    await runOk("pnpm", ["generate"], { cwd: copy });
    result.before = generatedFiles();
    const broken = breakSpec(projectSpec);
    expect(broken).not.toBe(projectSpec);
    useSpec(broken);
    result.generate = await pnpm(["generate"]);
    result.after = generatedFiles();
  }, 300_000);

  it("fails pnpm generate with one line naming the file, the place and what is wrong, no stack trace", () => {
    expect(result.generate?.status).not.toBe(0);
    const stderr = result.generate?.stderr ?? "";
    expect(stderr, result.generate?.output).toMatch(message);
    expect(stderr.split("\n").filter((line) => line.startsWith("pnpm generate:"))).toHaveLength(1);
    expect(result.generate?.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  it("changes no generated file of any package", () => {
    expect(result.after.size).toBeGreaterThanOrEqual(5);
    expect(result.after).toEqual(result.before);
    const leftovers = [...result.after.keys()].filter((file) => file.endsWith(".tmp"));
    expect(leftovers).toEqual([]);
  });
});
