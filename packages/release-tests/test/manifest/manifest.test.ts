// Each public package's package.json says what npm and bundlers need: module format,
// entry points for import and require with their own type declarations, what ships, where.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXPECTED_PUBLIC_PACKAGES, publicPackages, workspacePackages } from "../support/workspace.js";

const packages = publicPackages();

interface ConditionalEntry {
  import: { types: string; default: string };
  require: { types: string; default: string };
}

it("publishes exactly core, client, testing, queue and cli", () => {
  expect(packages.map((pkg) => pkg.manifest.name)).toEqual([...EXPECTED_PUBLIC_PACKAGES]);
});

it("keeps every other package private and unscoped, so the @kapsokit/* release group never takes it", () => {
  for (const { manifest } of workspacePackages()) {
    if (manifest.private === true) {
      expect(manifest.name, manifest.name).not.toMatch(/^@kapsokit\//);
    } else {
      expect(manifest.name, manifest.name).toMatch(/^@kapsokit\//);
    }
  }
});

describe.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (_name, pkg) => {
  const { manifest, dir } = pkg;

  it("is an ES module package without side effects, MIT, for Node 20+, published publicly", () => {
    expect(manifest.type).toBe("module");
    // false, or only the entry modules whose import is the point (matchers that register themselves).
    if (manifest.sideEffects !== false) {
      const subpaths = Object.keys(manifest.exports ?? {}).map((key) => key.replace(/^\.\//, ""));
      expect(Array.isArray(manifest.sideEffects), "sideEffects is false or a list").toBe(true);
      for (const file of manifest.sideEffects as string[]) {
        expect(subpaths, `${file} is an entry point`).toContain(/^\.\/dist\/([\w-]+)\.\*$/.exec(file)?.[1]);
      }
    }
    expect(manifest.license).toBe("MIT");
    expect(manifest.engines?.node).toMatch(/^>=20(\.\d+){0,2}$/);
    expect(manifest.publishConfig).toMatchObject({ access: "public" });
    expect(manifest.description?.length).toBeGreaterThan(20);
    expect(manifest.keywords, "found by an npm search for kapso or whatsapp").toEqual(
      expect.arrayContaining(["kapso", "whatsapp"]),
    );
  });

  it("ships dist, README and CHANGELOG and nothing else by listing", () => {
    expect(manifest.files).toEqual(expect.arrayContaining(["dist", "README.md", "CHANGELOG.md"]));
    for (const entry of manifest.files ?? []) {
      expect(entry, "src, tests and configs stay out").not.toMatch(/^(src|test)/);
    }
  });

  it("maps every entry point to ESM with .d.ts and to CommonJS with .d.cts (and maybe a browser ESM build), types first", () => {
    const exportsField = manifest.exports ?? {};
    expect(exportsField["./package.json"]).toBe("./package.json");
    const entries = Object.entries(exportsField).filter(([key]) => key !== "./package.json");
    expect(entries.map(([key]) => key)).toContain(".");
    for (const [key, value] of entries) {
      const entry = value as ConditionalEntry & { browser?: ConditionalEntry["import"] };
      // A browser build, where there is one, comes first: bundlers take the first condition that matches.
      expect(Object.keys(entry), key).toEqual(
        entry.browser ? ["browser", "import", "require"] : ["import", "require"],
      );
      if (entry.browser) {
        expect(Object.keys(entry.browser), key).toEqual(["types", "default"]);
        expect(entry.browser.types, key).toBe(entry.import.types);
        expect(entry.browser.default, key).toMatch(/^\.\/dist\/browser\/.+\.js$/);
        expect(existsSync(join(dir, entry.browser.default)), `${entry.browser.default} is built`).toBe(true);
      }
      expect(Object.keys(entry.import), key).toEqual(["types", "default"]);
      expect(Object.keys(entry.require), key).toEqual(["types", "default"]);
      expect(entry.import.types, key).toMatch(/^\.\/dist\/.+\.d\.ts$/);
      expect(entry.import.default, key).toMatch(/^\.\/dist\/.+\.js$/);
      expect(entry.require.types, key).toMatch(/^\.\/dist\/.+\.d\.cts$/);
      expect(entry.require.default, key).toMatch(/^\.\/dist\/.+\.cjs$/);
      for (const file of [
        entry.import.types,
        entry.import.default,
        entry.require.types,
        entry.require.default,
      ]) {
        expect(existsSync(join(dir, file)), `${file} is built`).toBe(true);
      }
    }
  });

  it("has a LICENSE (MIT), a README with install line and example, and a CHANGELOG", () => {
    const license = readFileSync(join(dir, "LICENSE"), "utf8");
    expect(license).toMatch(/^MIT License/);
    expect(license).toContain("Copyright (c)");
    expect(license).toContain("kapsokit contributors");

    const readme = readFileSync(join(dir, "README.md"), "utf8");
    expect(readme).toMatch(new RegExp(`^# ${manifest.name.replace("/", "\\/")}`, "m"));
    const escaped = manifest.name.replace("/", "\\/");
    expect(readme, "an install line").toMatch(
      new RegExp(`npm (install|i)( -D| --save-dev| -g| --global)? ${escaped}(\\s|$)`, "m"),
    );
    expect(readme, "a first example").toMatch(/```(ts|typescript|js|sh)\n[\s\S]+?```/);

    expect(readFileSync(join(dir, "CHANGELOG.md"), "utf8")).toMatch(new RegExp(`^# ${manifest.name}`));
  });

  it("depends at run time only on published packages, by real ranges or workspace:^", () => {
    const runtime = { ...manifest.dependencies, ...manifest.peerDependencies };
    const internal = new Set(packages.map((other) => other.manifest.name));
    for (const [name, range] of Object.entries(runtime)) {
      if (internal.has(name)) {
        expect(range, name).toBe("workspace:^");
      } else {
        expect(range, name).toMatch(/^(catalog:|([~^]|>=?)?\d)/);
      }
    }
  });
});
