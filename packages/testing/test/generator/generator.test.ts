// The testing package's generator (scripts/generate.mjs): the same output for the same spec,
// and validators that hold to the JSON Schema of any OpenAPI 3.0 or 3.1 document, as Prism
// reads it: inline bodies, every standard format, nullable, oneOf/anyOf/allOf, readOnly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../../../scripts/spec/load-spec.mjs";
import { generate } from "../../scripts/generate.mjs";
import type { OperationSpec, ValidateFunction } from "../../src/validation/types.js";

const committed = new URL("../../src/generated/", import.meta.url);
const spec = new URL("../../../../openapi/kapso.yaml", import.meta.url);
const scratch = mkdtempSync(join(tmpdir(), "kapsokit-generate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Generates from a document and loads the validators and the route table it produced. */
async function compile(name: string, document: string) {
  const dir = mkdtempSync(join(scratch, `${name}-`));
  const path = join(dir, "openapi.yaml");
  writeFileSync(path, document);
  const files = await generate(loadSpec(path));
  const load = async (file: string) => {
    writeFileSync(join(dir, file), files[file]!);
    return (await import(pathToFileURL(join(dir, file)).href)) as Record<string, ValidateFunction>;
  };
  const requests = await load("validators.js");
  const responses = await load("response-validators.js");
  // The route table and the answers' table refer to the validators by name: `validators.v3`.
  const operation = (operationId: string) => {
    const table = files["operations.ts"]!;
    const start = table.indexOf(`operationId: ${JSON.stringify(operationId)}`);
    const block = table.slice(start, table.indexOf("\n  },", start));
    const answers = files["responses.ts"]!;
    const line = answers.slice(answers.indexOf(`${JSON.stringify(operationId)}: {`)).split("\n")[0]!;
    const name = (text: string, pattern: RegExp) => pattern.exec(text)?.[1] ?? "";
    return {
      body: requests[name(block, /validate: validators\.(v\d+)/)],
      query: requests[name(block, /query: validators\.(v\d+)/)],
      response: (status: string) => responses[name(line, new RegExp(`"${status}": validators\\.(v\\d+)`))],
    };
  };
  return { files, operation };
}

const accepts = (validate: ValidateFunction | undefined, value: unknown) => {
  expect(validate, "a validator").toBeTypeOf("function");
  return validate!(value);
};

const formats30 = `openapi: 3.0.3
info: { title: Formats, version: "1" }
paths:
  /people:
    post:
      operationId: createPerson
      parameters:
        - { name: limit, in: query, schema: { type: integer, format: int32 } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              required: [id, email]
              properties:
                id: { type: string, format: uuid, readOnly: true }
                email: { type: string, format: email }
                born: { type: string, format: date }
                seen: { type: string, format: date-time }
                site: { type: string, format: uri }
                photo: { type: string, format: binary }
                token: { type: string, format: byte }
                score: { type: number, format: float }
                age: { type: integer, format: int32, minimum: 0, exclusiveMinimum: true }
                nickname: { type: string, nullable: true }
                tier: { type: string, enum: [free, paid], nullable: true }
                contact:
                  oneOf:
                    - { type: object, required: [phone], properties: { phone: { type: string } }, additionalProperties: false }
                    - { type: object, required: [mail], properties: { mail: { type: string } }, additionalProperties: false }
                label:
                  anyOf: [{ type: string, maxLength: 3 }, { type: integer }]
                badge:
                  allOf: [{ type: string }, { minLength: 2 }]
      responses:
        "201":
          description: Created.
          content:
            application/json:
              schema:
                type: object
                required: [id, secret]
                properties:
                  id: { type: string, format: uuid }
                  secret: { type: string, writeOnly: true }
`;

describe("scripts/generate.mjs", () => {
  it("regenerates exactly the committed files from the spec", async () => {
    const files = await generate(loadSpec(spec.pathname));
    for (const [name, content] of Object.entries(files)) {
      expect(content, name).toBe(readFileSync(new URL(name, committed), "utf8"));
    }
  });

  it("checks every standard format, nullable, oneOf, anyOf and allOf of an OpenAPI 3.0 document", async () => {
    const { operation } = await compile("formats30", formats30);
    const { body } = operation("createPerson");
    const person = { email: "ana@example.com" };
    expect(accepts(body, person)).toBe(true);
    expect(accepts(body, { ...person, email: "not an address" })).toBe(false);
    expect(accepts(body, { ...person, born: "2025-02-28" })).toBe(true);
    expect(accepts(body, { ...person, born: "2025-02-30" })).toBe(false);
    expect(accepts(body, { ...person, seen: "2025-02-28T10:00:00Z" })).toBe(true);
    expect(accepts(body, { ...person, seen: "2025-02-28T10:00:00" })).toBe(false);
    expect(accepts(body, { ...person, site: "https://example.com/a" })).toBe(true);
    expect(accepts(body, { ...person, site: "example dot com" })).toBe(false);
    expect(accepts(body, { ...person, photo: "\u0000any bytes" })).toBe(true);
    expect(accepts(body, { ...person, token: "aGVsbG8=" })).toBe(true);
    expect(accepts(body, { ...person, token: "not base64!" })).toBe(false);
    expect(accepts(body, { ...person, score: 1.5 })).toBe(true);
    expect(accepts(body, { ...person, score: 2 ** 129 })).toBe(false);
    expect(accepts(body, { ...person, age: 1 })).toBe(true);
    expect(accepts(body, { ...person, age: 0 })).toBe(false);
    expect(accepts(body, { ...person, age: 2 ** 31 })).toBe(false);
    expect(accepts(body, { ...person, nickname: null, tier: null })).toBe(true);
    expect(accepts(body, { ...person, tier: "gold" })).toBe(false);
    expect(accepts(body, { ...person, contact: { phone: "+1" } })).toBe(true);
    expect(accepts(body, { ...person, contact: { phone: "+1", mail: "a@b.c" } })).toBe(false);
    expect(accepts(body, { ...person, label: "abc" })).toBe(true);
    expect(accepts(body, { ...person, label: 7 })).toBe(true);
    expect(accepts(body, { ...person, label: "abcd" })).toBe(false);
    expect(accepts(body, { ...person, badge: "ok" })).toBe(true);
    expect(accepts(body, { ...person, badge: "x" })).toBe(false);
    // A readOnly property is not part of a request: sending one is an unknown property.
    expect(accepts(body, { ...person, id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" })).toBe(false);
    // A writeOnly property is not part of an answer, nor required in one.
    expect(
      accepts(operation("createPerson").response("201"), { id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" }),
    ).toBe(true);
  });

  it("coerces query values before checking them, as Prism does", async () => {
    const { operation } = await compile("coerce", formats30);
    const query = { limit: "0x10" } as Record<string, unknown>;
    expect(accepts(operation("createPerson").query, query)).toBe(true);
    expect(query.limit).toBe(16);
    expect(accepts(operation("createPerson").query, { limit: "ten" })).toBe(false);
    expect(accepts(operation("createPerson").query, { limit: String(2 ** 31) })).toBe(false);
  });

  it("reads an OpenAPI 3.1 document: type lists, const, examples, $ref beside other keywords", async () => {
    const { operation, files } = await compile(
      "v31",
      `openapi: 3.1.0
info: { title: Three-one, version: "1" }
paths:
  /notes/{id}:
    put:
      operationId: putNote
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [kind, text]
              properties:
                kind: { const: note }
                text: { type: [string, "null"], examples: ["hello"] }
                ref: { $ref: "#/components/schemas/Short", description: "annotated" , maxLength: 2 }
      responses:
        "204": { description: Saved. }
components:
  schemas:
    Short: { type: string, maxLength: 5 }
`,
    );
    const { body } = operation("putNote");
    expect(accepts(body, { kind: "note", text: null })).toBe(true);
    expect(accepts(body, { kind: "memo", text: "x" })).toBe(false);
    expect(accepts(body, { kind: "note", text: "x", ref: "ab" })).toBe(true);
    // 3.1 applies the keywords beside a $ref: maxLength 2 and the target's 5 both hold.
    expect(accepts(body, { kind: "note", text: "x", ref: "abc" })).toBe(false);
    expect(files["examples.ts"]).toContain('export type OperationId = "putNote"');
  });

  it("answers an operation without examples with a body built from its schema", async () => {
    const { files } = await compile("sample", formats30);
    const examples = files["examples.ts"]!;
    expect(examples).toContain('"201": {\n        "id": "00000000-0000-4000-8000-000000000000"');
    expect(examples).not.toContain('"secret"');
  });

  it("describes the route table with the types the mock reads it by", async () => {
    const { files } = await compile("table", formats30);
    const table = files["operations.ts"]!;
    expect(table).toContain('import type { OperationSpec } from "../validation/types.js";');
    expect(table).toContain('operationId: "createPerson"');
    expect(table).toContain('body: { required: true, contents: [{ mediaType: "application/json"');
    // Type-only check that a table entry has the documented shape.
    const entry: Pick<OperationSpec, "statuses" | "security"> = { statuses: ["201"], security: [] };
    expect(table).toContain(`statuses: ${JSON.stringify(entry.statuses)}`);
    expect(table).toContain(`security: ${JSON.stringify(entry.security)}`);
  });
});
