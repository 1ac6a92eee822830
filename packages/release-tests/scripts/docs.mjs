#!/usr/bin/env node
// Builds the API reference of the public packages into docs/api/ with TypeDoc.
// Each package is converted on its own, from the built declarations behind its `exports`
// (so subpaths such as @kapsokit/testing/vitest are documented too, exactly as published),
// then the results are merged into one site, whose front page is the root README
// (scripts/docs-landing.mjs) and which includes CONTRIBUTING.md. Run through `pnpm run docs` at the root, which
// builds the packages first.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { entryPoints } from "./docs-entries.mjs";
import { landingPage } from "./docs-landing.mjs";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const typedoc = fileURLToPath(new URL("../node_modules/typedoc/bin/typedoc", import.meta.url));
const out = process.argv[2] ?? join(root, "docs", "api");

function typedocRun(args, cwd) {
  const result = spawnSync(process.execPath, [typedoc, ...args], {
    cwd,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

const work = mkdtempSync(join(tmpdir(), "kapsokit-docs-"));
try {
  const packagesDir = join(root, "packages");
  const converted = [];
  const published = new Map();
  for (const folder of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, folder);
    if (!existsSync(join(dir, "package.json"))) {
      continue;
    }
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (manifest.private) {
      continue;
    }
    published.set(folder, manifest.name);
    const json = join(work, `${folder}.json`);
    // The published declarations, on their own: no sources, no build configuration.
    const tsconfig = join(work, `${folder}.tsconfig.json`);
    const entries = entryPoints(dir, manifest).map((entry) => join(dir, entry));
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          skipLibCheck: true,
          typeRoots: [join(dir, "node_modules", "@types")],
        },
        files: entries,
      }),
    );
    typedocRun(
      [
        ...entries.flatMap((entry) => ["--entryPoints", entry]),
        ...["--tsconfig", tsconfig, "--name", manifest.name, "--json", json],
        ...["--readme", existsSync(join(dir, "README.md")) ? join(dir, "README.md") : "none"],
        ...["--excludePrivate", "--excludeInternal", "--logLevel", "Error", "--disableSources"],
      ],
      dir,
    );
    converted.push(json);
  }
  // The front page: the root README with a line of links to the main entry points.
  const landing = join(work, "README.md");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  writeFileSync(landing, landingPage(readme, { root, page: landing, packages: published }));
  typedocRun(
    [
      ...["--entryPointStrategy", "merge", ...converted.flatMap((json) => ["--entryPoints", json])],
      ...["--name", "kapsokit", "--readme", landing, "--projectDocuments", join(root, "CONTRIBUTING.md")],
      ...["--out", out, "--logLevel", "Error"],
    ],
    root,
  );
  console.log(`API reference of ${converted.length} packages in ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
