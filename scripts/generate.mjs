#!/usr/bin/env node
// `pnpm generate`: every file derived from the spec, in every package, or none of them.
// The spec is loaded and checked once (it parses, every `$ref` resolves); then each package's
// generator (packages/*/scripts/generate.mjs) returns its files; only when all of them have
// succeeded are the files written, each to a temporary name and then moved into place. A
// problem is printed as one line naming the file and the place, and nothing is changed.
//
// Usage: node scripts/generate.mjs [spec]   (default: openapi/kapso.yaml)
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadSpec, SpecError } from "./spec/load-spec.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const specPath = process.argv[2] ?? join(root, "openapi", "kapso.yaml");

/** The packages with a generator, and the folder their files go to. */
function generators() {
  return readdirSync(join(root, "packages"))
    .filter((name) => existsSync(join(root, "packages", name, "scripts", "generate.mjs")))
    .sort()
    .map((name) => ({
      name,
      script: join(root, "packages", name, "scripts", "generate.mjs"),
      out: join(root, "packages", name, "src", "generated"),
    }));
}

function fail(message) {
  process.stderr.write(`pnpm generate: ${message}\n`);
  process.exit(1);
}

let spec;
try {
  spec = loadSpec(specPath);
} catch (error) {
  fail(error instanceof SpecError ? error.message : `${specPath}: ${firstLine(error)}`);
}

function firstLine(error) {
  return String(error?.message ?? error).split("\n")[0];
}

const outputs = [];
for (const generator of generators()) {
  try {
    const { generate } = await import(pathToFileURL(generator.script).href);
    outputs.push({ ...generator, files: await generate(spec) });
  } catch (error) {
    const message = error instanceof SpecError ? error.message : `${spec.file}: ${firstLine(error)}`;
    fail(`${message} (in ${generator.name}'s generator; no file was changed)`);
  }
}

// Every generator succeeded: write each file beside its target, then move them all into place.
const staged = [];
try {
  for (const { out, files } of outputs) {
    mkdirSync(out, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const target = join(out, name);
      const temporary = join(out, `.${name}.${process.pid}.tmp`);
      staged.push([temporary, target]);
      writeFileSync(temporary, content);
    }
  }
} catch (error) {
  for (const [temporary] of staged) {
    rmSync(temporary, { force: true });
  }
  fail(`cannot write the generated files: ${firstLine(error)} (no file was changed)`);
}
for (const [temporary, target] of staged) {
  renameSync(temporary, target);
}
// A file an earlier generator version wrote and this one does not is gone too.
for (const { out, files } of outputs) {
  for (const name of readdirSync(out)) {
    if (!Object.hasOwn(files, name)) {
      rmSync(join(out, name));
    }
  }
}
const written = staged.map(([, target]) => relative(root, target));
console.log(`generated from ${spec.file}: ${written.join(", ")}`);
