// The main entry must run in browsers and edge runtimes: no Node built-ins anywhere in the
// modules it loads, and no code built at run time (workerd refuses `new Function`/`eval`).
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Every file of dist/ that `entry` loads (following relative imports) and the packages they import. */
function load(entry: string): { files: Map<string, string>; packages: Set<string> } {
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) {
      return;
    }
    const code = readFileSync(file, "utf8");
    files.set(file, code);
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith(".")) {
        visit(join(dirname(file), specifier));
      } else {
        packages.add(specifier);
      }
    }
  };
  visit(join(dist, entry));
  return { files, packages };
}

// `@kapsokit/core/internal` is the peer core's code shared by kapsokit's packages (the one
// placeholder pattern); it has a browser build of its own.
describe.each([
  ["index.js", ["@kapsokit/core/internal"]],
  ["msw.js", ["@kapsokit/core/internal", "msw"]],
  // The matchers compare phone numbers with core's one normaliser.
  ["vitest.js", ["@kapsokit/core/internal", "vitest"]],
  ["jest.js", ["@kapsokit/core/internal"]],
])("dist/%s", (entry, allowed) => {
  it("imports no Node built-in, only its own peer, and builds no code at run time", () => {
    expect(existsSync(join(dist, entry)), "build the package first").toBe(true);
    const { files, packages } = load(entry);
    expect([...packages].sort()).toEqual(allowed);
    for (const [file, code] of files) {
      expect(code, file).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
      expect(code, file).not.toMatch(/new Function\s*\(|\beval\s*\(/);
    }
  });
});

describe("dist/server.js", () => {
  it("is the entry that loads node:http, so the others need not", () => {
    const { packages } = load("server.js");
    expect([...packages].some((name) => builtins.has(name) && name.endsWith("http"))).toBe(true);
  });
});

describe("dist/inspector/inspector.js", () => {
  it("is the page's whole script: it imports nothing, and uses nothing of Node", () => {
    const { files, packages } = load("inspector/inspector.js");
    expect([...packages]).toEqual([]);
    expect(files.size).toBe(1);
    for (const code of files.values()) {
      expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b|\bimport\s*\(/);
      expect(code).not.toMatch(
        /new Function\s*\(|\beval\s*\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write/,
      );
      // renderMessage is bundled in, with core's one placeholder pattern.
      expect(code).toContain(String.raw`/\{\{\s*(\w+)\s*\}\}/g`);
    }
  });
});
