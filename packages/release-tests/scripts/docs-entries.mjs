// Which source files TypeDoc documents for a package: the ones behind its `exports`.
import { existsSync } from "node:fs";
import { join } from "node:path";

// The JavaScript an export condition tree points at: `import` first, then `default`.
function javascriptOf(value) {
  if (typeof value === "string") return value;
  return javascriptOf(value.import ?? value.default ?? value.node ?? Object.values(value)[0]);
}

function sourceOf(dir, target) {
  const source = target.replace(/^\.\/dist\//, "src/").replace(/\.(c|m)?js$/, ".ts");
  if (!existsSync(join(dir, source))) throw new Error(`${dir}: no source ${source} for ${target}`);
  return source;
}

/** The source file of each entry point in `manifest.exports`, relative to the package `dir`. */
export function entryPoints(dir, manifest) {
  const entries = Object.entries(manifest.exports ?? {})
    .filter(([key]) => key !== "./package.json")
    .map(([, value]) => sourceOf(dir, javascriptOf(value)));
  return [...new Set(entries)];
}
