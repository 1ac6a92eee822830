// The validator compiler behind `pnpm generate`: the same output for the same spec, and a
// loud failure for a schema keyword it does not implement, never a looser validator.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../scripts/generate.mjs", import.meta.url));
const committed = fileURLToPath(new URL("../../src/generated/", import.meta.url));
const spec = fileURLToPath(new URL("../../../../openapi/kapso.yaml", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "kapsokit-generate-"));

function generate(specPath: string) {
  return spawnSync(process.execPath, [script, specPath, scratch], { encoding: "utf8" });
}

describe("scripts/generate.mjs", () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("regenerates exactly the committed files from the spec", () => {
    const result = generate(spec);
    expect(result.status, result.stderr).toBe(0);
    for (const file of ["validators.ts", "examples.ts"]) {
      expect(readFileSync(join(scratch, file), "utf8")).toBe(readFileSync(join(committed, file), "utf8"));
    }
  });

  it("refuses a schema keyword it does not implement", () => {
    const changed = readFileSync(spec, "utf8").replace(
      "    HeaderType:\n      type: string\n",
      "    HeaderType:\n      type: string\n      anyOf: [{ minLength: 1 }]\n",
    );
    expect(changed).toContain("anyOf");
    const path = join(scratch, "kapso-anyof.yaml");
    writeFileSync(path, changed);
    const result = generate(path);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('unsupported schema keyword "anyOf"');
  });

  it("refuses a string format it has no expression for", () => {
    const changed = readFileSync(spec, "utf8").replace(
      "          description: File name shown for a `document` header.\n",
      "          description: File name shown for a `document` header.\n          format: hostname\n",
    );
    expect(changed).toContain("format: hostname");
    const path = join(scratch, "kapso-format.yaml");
    writeFileSync(path, changed);
    const result = generate(path);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("unsupported format hostname");
  });
});
