// A document the generators cannot use fails `pnpm generate` with one message naming the
// file, the line and column, and what is missing (scripts/spec/load-spec.mjs). The whole
// command, and that it changes no file, is tested on a copy of the repo in release-tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec, SpecError } from "../../../../scripts/spec/load-spec.mjs";
import { generate } from "../../scripts/generate.mjs";

const scratch = mkdtempSync(join(tmpdir(), "kapsokit-spec-errors-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** The message loading a document fails with. */
function failure(path: string): string {
  try {
    loadSpec(path);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as Error).message;
  }
  throw new Error(`${path} loaded`);
}

const header = `openapi: 3.0.3
info: { title: Broken, version: "1" }
`;

describe("a document the generators cannot use", () => {
  it("names the file, line and column of a $ref that points to nothing, and the missing target", () => {
    const path = write(
      "missing-ref.yaml",
      `${header}paths:
  /things:
    get:
      responses:
        "200":
          description: Things.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Thing"
components:
  schemas:
    Other: { type: string }
`,
    );
    // A file outside the working directory is named by its full path; the column is the $ref's value.
    expect(failure(path)).toBe(
      `${path}:12:23: $ref "#/components/schemas/Thing" points to nothing: components.schemas has no "Thing"`,
    );
  });

  it("names a $ref into another file that does not exist", () => {
    const path = write(
      "missing-file.yaml",
      `${header}paths:
  /things:
    get:
      responses:
        "200": { $ref: "./responses.yaml#/Things" }
`,
    );
    expect(failure(path)).toMatch(
      /missing-file\.yaml:7:\d+: \$ref "\.\/responses\.yaml#\/Things" points to a file that cannot be read \(.*responses\.yaml\)$/,
    );
  });

  it("names the line of YAML that does not parse", () => {
    const path = write("bad.yaml", `${header}paths:\n  /things:\n    get: [unclosed\n`);
    expect(failure(path)).toMatch(/bad\.yaml:\d+:\d+: not valid YAML or JSON: /);
    expect(failure(path).split("\n")).toHaveLength(1);
  });

  it("refuses a document that is not OpenAPI 3.0 or 3.1", () => {
    const path = write("swagger.yaml", 'swagger: "2.0"\ninfo: { title: Old, version: "1" }\npaths: {}\n');
    expect(failure(path)).toMatch(
      /swagger\.yaml:1:1: openapi is null; the generators read OpenAPI 3\.0\.x and 3\.1\.x$/,
    );
  });

  it("follows a $ref into another file, and a $ref inside it", () => {
    write("shared.yaml", "Thing: { $ref: '#/Name' }\nName: { type: string, maxLength: 3 }\n");
    const path = write(
      "split.yaml",
      `${header}paths:
  /things:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: "./shared.yaml#/Thing" }
      responses:
        "204": { description: Done. }
`,
    );
    expect(() => loadSpec(path)).not.toThrow();
    write("shared-broken.yaml", "Thing: { $ref: '#/Nope' }\n");
    const broken = write(
      "split-broken.yaml",
      readFileSync(path, "utf8").replace("shared.yaml", "shared-broken.yaml"),
    );
    expect(failure(broken)).toMatch(
      /shared-broken\.yaml:1:\d+: \$ref "#\/Nope" points to nothing: the document has no "Nope"/,
    );
  });

  it('refuses an empty operationId, so that `""` is never one', async () => {
    const path = write(
      "empty-id.yaml",
      `${header}paths:\n  /things:\n    get:\n      operationId: ""\n      responses:\n        "204": { description: Done. }\n`,
    );
    await expect(generate(loadSpec(path))).rejects.toThrow("paths./things.get: operationId is empty");
  });
});
