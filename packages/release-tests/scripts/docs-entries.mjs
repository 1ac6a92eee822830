// Which files TypeDoc documents for a package: the type declarations behind its `exports`,
// as built and published. That is exactly the API users get, whatever sources tsup bundled.
import { existsSync } from "node:fs";
import { join } from "node:path";

// The declarations an export condition tree points at: the `import` condition's `types`.
function typesOf(value) {
  if (typeof value === "string") {
    return value.endsWith(".d.ts") ? value : undefined;
  }
  if (value === null || typeof value !== "object") {
    return undefined;
  }
  if (typeof value.types === "string") {
    return value.types;
  }
  return typesOf(value.import ?? value.default ?? Object.values(value)[0]);
}

/** The declaration file of each entry point in `manifest.exports`, relative to the package `dir`. */
export function entryPoints(dir, manifest) {
  const entries = Object.entries(manifest.exports ?? {})
    .filter(([key]) => key !== "./package.json")
    .map(([key, value]) => {
      const types = typesOf(value);
      if (types === undefined) {
        throw new Error(`${manifest.name}: export ${key} has no types`);
      }
      if (!existsSync(join(dir, types))) {
        throw new Error(`${manifest.name}: ${types} is not built (export ${key})`);
      }
      return types.replace(/^\.\//, "");
    });
  return [...new Set(entries)];
}
