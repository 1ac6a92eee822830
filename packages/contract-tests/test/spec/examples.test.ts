// Redocly checks examples against their schemas but not string formats; Prism does check
// formats, so every example must also be a real UUID, date-time, … to be trusted.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { specPath } from "../support/spec.js";

type Json = Record<string, unknown>;
const spec = parse(readFileSync(specPath, "utf8")) as Json;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
// `example` is OpenAPI's, not JSON Schema's; Ajv already knows OpenAPI's `nullable`.
ajv.addKeyword({ keyword: "example" });

function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(toJsonSchema);
  }
  if (!node || typeof node !== "object") {
    return node;
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      out.$ref = `spec${value}`;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  return out;
}
ajv.addSchema(toJsonSchema(spec) as Json, "spec");

/** Every (schema, example) pair in the document, with where it was found. */
function examples(): { where: string; schema: unknown; example: unknown }[] {
  const found: { where: string; schema: unknown; example: unknown }[] = [];
  const visit = (node: unknown, where: string) => {
    if (!node || typeof node !== "object") {
      return;
    }
    const obj = node as Json;
    if (obj.schema && "example" in obj) {
      found.push({ where, schema: obj.schema, example: obj.example });
    }
    if (obj.schema && obj.examples && typeof obj.examples === "object") {
      for (const [name, ex] of Object.entries(obj.examples as Json)) {
        found.push({ where: `${where}.examples.${name}`, schema: obj.schema, example: (ex as Json).value });
      }
    }
    if (obj.type && "example" in obj && !obj.schema) {
      found.push({ where, schema: obj, example: obj.example });
    }
    for (const [key, value] of Object.entries(obj)) {
      if (key === "example" || key === "examples") {
        continue;
      }
      // A `properties` map is named schemas, not a schema: its keys can be "example".
      if (key === "properties" && value && typeof value === "object") {
        for (const [name, child] of Object.entries(value)) {
          visit(child, `${where}.properties.${name}`);
        }
      } else {
        visit(value, `${where}.${key}`);
      }
    }
  };
  visit(spec.paths, "paths");
  visit(spec.components, "components");
  return found;
}

describe("the spec's examples", () => {
  const all = examples();

  it("are found in every part of the document", () => {
    expect(all.length).toBeGreaterThan(20);
  });

  for (const { where, schema, example } of all) {
    it(`${where} validates against its schema, formats included`, () => {
      const validate = ajv.compile(toJsonSchema(schema) as Json);
      const ok = validate(example);
      expect(validate.errors ?? [], where).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it("catches an example that is not a UUID", () => {
    const validate = ajv.compile(toJsonSchema({ $ref: "#/components/schemas/Uuid" }) as Json);
    expect(validate("3c90c3cc-0d44-4b50-8888-8dd25736052a")).toBe(true);
    expect(validate("not-a-uuid")).toBe(false);
  });
});
