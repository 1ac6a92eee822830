#!/usr/bin/env node
// Rewrites an OpenAPI document with every schema written inline: each `$ref` to
// `#/components/schemas/...` is replaced by the schema it names, and components.schemas goes.
// The regeneration test uses it to show that a spec shaped that way keeps core's type names.
// Usage: node inline-schemas.mjs <spec.yaml>   (rewritten in place, as JSON, which is YAML)
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const [file] = process.argv.slice(2);
const spec = parse(readFileSync(file, "utf8"));
const schemas = spec.components?.schemas ?? {};
const PREFIX = "#/components/schemas/";

function inline(node, seen = []) {
  if (Array.isArray(node)) {
    return node.map((item) => inline(item, seen));
  }
  if (node === null || typeof node !== "object") {
    return node;
  }
  if (typeof node.$ref === "string" && node.$ref.startsWith(PREFIX)) {
    const name = node.$ref.slice(PREFIX.length);
    if (seen.includes(name)) {
      throw new Error(`${name} refers to itself; it cannot be written inline`);
    }
    return inline(schemas[name], [...seen, name]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value, seen)]));
}

const { schemas: _schemas, ...components } = spec.components ?? {};
writeFileSync(file, `${JSON.stringify(inline({ ...spec, components }), null, 2)}\n`);
