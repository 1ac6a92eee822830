// A user's first day: a fresh project outside the workspace installs the packed tarballs
// with npm, imports them with `import` and `require`, type-checks a strict program under
// NodeNext and Bundler, and does what the READMEs say, verbatim: every code block of the root
// README and of each package's README is written into the project and type-checked, their
// test files run under vitest, and the jest example runs under jest with the README's jest
// config alone, its types checked with jest's globals and with @jest/globals.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { userEnv } from "../support/npm-env.js";
import { tarballOf } from "../support/packed.js";
import { type CodeBlock, type Readme, userReadmes } from "../support/readme-blocks.js";
import { type RunResult, run, runOk } from "../support/run.js";
import { catalogVersion, type Manifest, publicPackages } from "../support/workspace.js";

const template = fileURLToPath(new URL("../../consumer/", import.meta.url));
const packages = publicPackages();
const testingManifest = packages.find((pkg) => pkg.manifest.name === "@kapsokit/testing")?.manifest;
/** The version @kapsokit/testing develops against, for the runners the READMEs use. */
const devVersion = (name: string) => testingManifest?.devDependencies?.[name] ?? "latest";
// @types/jest is no dependency of the workspace; this is its release for jest 30.
const TYPES_JEST = "30.0.0";

/** Where a README code block goes in the project, and what is done with it. */
interface PlacedBlock {
  readme: Readme;
  block: CodeBlock;
  /** Relative to the project. */
  path: string;
  role: "check" | "vitest" | "jest" | "config";
}

// Examples go to readme/<readme>/ and are type-checked; those named *.test.ts that import
// vitest also run under it. Other *.test.ts are jest's: they and the js blocks (jest's
// config) go to readme-jest/<readme>/, checked with jest's types and run by jest.
function place(readmes: readonly Readme[]): PlacedBlock[] {
  return readmes.flatMap((readme) =>
    readme.blocks.map((block): PlacedBlock => {
      const name = block.file ?? `line-${block.line}.${block.lang}`;
      if (block.lang !== "ts") {
        return { readme, block, path: `readme-jest/${readme.key}/${name}`, role: "config" };
      }
      const isTest = name.endsWith(".test.ts");
      if (isTest && !/from "vitest"/.test(block.code)) {
        return { readme, block, path: `readme-jest/${readme.key}/${name}`, role: "jest" };
      }
      return { readme, block, path: `readme/${readme.key}/${name}`, role: isTest ? "vitest" : "check" };
    }),
  );
}

const readmes = userReadmes();
const placed = place(readmes);
const where = (block: PlacedBlock) => `${block.block.readme}:${block.block.line}`;

let project = "";
const node = (args: string[]): Promise<RunResult> =>
  run(process.execPath, args, { cwd: project, env: userEnv() });
const tsc = () => join(project, "node_modules", "typescript", "bin", "tsc");

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
  for (const block of placed) {
    mkdirSync(dirname(join(project, block.path)), { recursive: true });
    writeFileSync(join(project, block.path), block.block.code);
    if (block.role === "jest") {
      // The same test with jest's functions imported from @jest/globals instead of global.
      const imported = join(project, block.path.replace(/^readme-jest\//, "readme-jest-imports/"));
      mkdirSync(dirname(imported), { recursive: true });
      writeFileSync(
        imported,
        `import { afterEach, beforeEach, describe, expect, it, test } from "@jest/globals";\n${block.block.code}`,
      );
    }
  }
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
      `@types/node@${catalogVersion("@types/node")}`,
      // What the READMEs' examples use besides kapsokit: MSW, and jest with its types.
      `msw@${devVersion("msw")}`,
      `jest@${devVersion("jest")}`,
      `@jest/globals@${devVersion("jest")}`,
      `@types/jest@${TYPES_JEST}`,
    ],
    { cwd: project, env: userEnv(), timeoutMs: 240_000 },
  );
}, 300_000);

afterAll(() => {
  if (project) {
    rmSync(project, { recursive: true, force: true });
  }
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

// Each tsconfig is checked once, by the first test that asks.
const checks = new Map<string, Promise<RunResult>>();
function typecheck(config: string): Promise<RunResult> {
  let check = checks.get(config);
  if (check === undefined) {
    check = node([tsc(), "-p", config, "--pretty", "false"]);
    checks.set(config, check);
  }
  return check;
}

describe("type-checking a strict program", () => {
  it.each([
    ["NodeNext", "tsconfig.nodenext.json"],
    ["Bundler", "tsconfig.bundler.json"],
  ])("passes under moduleResolution %s, each @ts-expect-error a real error", async (_resolution, config) => {
    const result = await typecheck(config);
    expect(result.status, result.output).toBe(0);
  });
});

describe("the READMEs' code blocks", () => {
  it("are all placed: TypeScript, or a file named on their first line, with jest's config beside jest's tests", () => {
    expect(placed.length).toBeGreaterThan(10);
    const unnamed = placed.filter((block) => block.role === "config" && block.block.file === undefined);
    expect(unnamed.map(where), "a js block names its file on its first line").toEqual([]);
    for (const readme of readmes) {
      const mine = placed.filter((block) => block.readme === readme);
      if (mine.some((block) => block.role === "jest")) {
        expect(
          mine.map((block) => block.block.file),
          `${readme.key}: a jest example needs its config`,
        ).toContain("jest.config.cjs");
      }
    }
  });

  describe.each(readmes.filter((readme) => readme.blocks.some((block) => block.lang === "ts")))(
    "$path",
    (readme) => {
      it.each([
        ["NodeNext", "tsconfig.readme.nodenext.json"],
        ["Bundler", "tsconfig.readme.bundler.json"],
      ])("type-checks as written under moduleResolution %s", async (_resolution, config) => {
        const result = await typecheck(config);
        const errors = result.stdout.split("\n").filter((line) => line.startsWith(`readme/${readme.key}/`));
        expect(errors.join("\n"), `${readme.path}: errors in its code blocks`).toBe("");
        expect(result.status, result.output).toBe(0);
      });
    },
  );

  it("run as vitest test files where they are ones, and every test in them passes", async () => {
    const files = placed.filter((block) => block.role === "vitest");
    expect(files.map((block) => block.block.file)).toEqual(
      expect.arrayContaining(["reminder.test.ts", "send-reminder.test.ts"]),
    );
    const result = await node([
      join(project, "node_modules", "vitest", "vitest.mjs"),
      "run",
      ...files.map((block) => block.path),
      "--reporter=json",
      "--outputFile=vitest-report.json",
    ]);
    expect(result.status, result.output).toBe(0);
    const report = JSON.parse(readFileSync(join(project, "vitest-report.json"), "utf8")) as {
      numFailedTests: number;
      testResults: { name: string; assertionResults: { status: string }[] }[];
    };
    expect(report.numFailedTests).toBe(0);
    for (const block of files) {
      const file = report.testResults.find((result) => result.name.endsWith(block.path));
      expect(file?.assertionResults.length, where(block)).toBeGreaterThan(0);
      expect(
        file?.assertionResults.every((test) => test.status === "passed"),
        where(block),
      ).toBe(true);
    }
  });

  describe("the jest example", () => {
    const jestTests = placed.filter((block) => block.role === "jest");

    it("type-checks with jest's globals (@types/jest), the matchers typed by importing the mock alone", async () => {
      expect(jestTests.map((block) => block.block.file)).toContain("order-update.test.ts");
      const result = await typecheck("tsconfig.jest-globals.json");
      expect(result.status, result.output).toBe(0);
    });

    it("type-checks with jest's functions imported from @jest/globals", async () => {
      const result = await typecheck("tsconfig.jest-imports.json");
      expect(result.status, result.output).toBe(0);
    });

    it.each(jestTests.map((block) => [where(block), block] as const))(
      "%s passes under jest with the README's config, which only lists @kapsokit/testing/jest",
      async (_where, block) => {
        const folder = dirname(join(project, block.path));
        const out = join(folder, "out");
        // jest runs JavaScript: the block compiled as it stands, to CommonJS.
        await runOk(
          process.execPath,
          [
            tsc(),
            join(project, block.path),
            ...["--outDir", out, "--module", "commonjs", "--target", "es2022"],
            ...["--types", "node,jest", "--skipLibCheck", "--esModuleInterop"],
          ],
          { cwd: project, env: userEnv() },
        );
        writeFileSync(join(out, "package.json"), '{ "type": "commonjs" }\n');
        const result = await node([
          join(project, "node_modules", "jest", "bin", "jest.js"),
          ...["--config", join(folder, "jest.config.cjs"), "--roots", out, "--ci", "--json"],
        ]);
        expect(result.status, result.output).toBe(0);
        const report = JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))) as {
          numPassedTests: number;
          numFailedTests: number;
        };
        expect(report.numFailedTests).toBe(0);
        expect(report.numPassedTests).toBeGreaterThan(0);
      },
      90_000,
    );
  });
});

describe("a project with no test runner installed", () => {
  let bare = "";
  beforeAll(async () => {
    bare = mkdtempSync(join(tmpdir(), "kapsokit-consumer-bare-"));
    writeFileSync(join(bare, "package.json"), '{ "name": "bare", "private": true, "type": "module" }\n');
    writeFileSync(
      join(bare, "main.ts"),
      'import { createKapsoMock } from "@kapsokit/testing";\n\nexport const mock = createKapsoMock();\n',
    );
    writeFileSync(
      join(bare, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: "NodeNext", skipLibCheck: false, types: [] },
        files: ["main.ts"],
      }),
    );
    const packed = inject("tarballs");
    await runOk(
      "npm",
      [
        "install",
        ...["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
        ...["@kapsokit/core", "@kapsokit/testing"].flatMap((name) => packed[name] ?? []),
        `typescript@${catalogVersion("typescript")}`,
      ],
      { cwd: bare, env: userEnv(), timeoutMs: 180_000 },
    );
  }, 240_000);

  afterAll(() => {
    if (bare) {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it("type-checks the mock's declarations: the matchers' types need neither vitest nor jest", async () => {
    const present = ["vitest", "jest", "expect", "@jest/globals"].filter((name) => {
      try {
        readFileSync(join(bare, "node_modules", name, "package.json"));
        return true;
      } catch {
        return false;
      }
    });
    expect(present).toEqual([]);
    const result = await run(
      process.execPath,
      [join(bare, "node_modules", "typescript", "bin", "tsc"), "-p", ".", "--pretty", "false"],
      { cwd: bare, env: userEnv() },
    );
    expect(result.status, result.output).toBe(0);
  });
});
