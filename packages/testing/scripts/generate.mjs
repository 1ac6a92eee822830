// Compiles openapi/kapso.yaml into plain TypeScript for the mock: one validator function per
// schema, a table of operations (route, parameters, body, documented statuses) and the
// spec's examples. Run through `pnpm generate`. The output parses no spec and builds no code
// at run time, so it runs in browsers and edge runtimes (workerd forbids `new Function`).
//
// The compiler covers the JSON Schema subset the spec uses and refuses any other keyword,
// so a spec change that needs more fails here instead of being silently ignored.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";

// Arguments, for tests only: another spec file and another output folder.
const [specArg, outArg] = process.argv.slice(2);
const specUrl = specArg ? pathToFileURL(specArg) : new URL("../../../openapi/kapso.yaml", import.meta.url);
const outDir = outArg
  ? pathToFileURL(`${outArg.replace(/\/+$/, "")}/`)
  : new URL("../src/generated/", import.meta.url);
const spec = parse(await readFile(specUrl, "utf8"));

const banner = `/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with \`pnpm generate\` (packages/testing/scripts/generate.mjs).
 */
`;

const IGNORED = new Set(["description", "example", "examples", "default", "title", "deprecated", "readOnly"]);
const SUPPORTED = new Set([
  "$ref",
  "type",
  "nullable",
  "enum",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "oneOf",
]);
// The same expressions ajv-formats uses, which is what Prism validates with.
const FORMATS = {
  uuid: "^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$",
  "date-time": String.raw`^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$`,
};

function deref(node) {
  let current = node;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((acc, key) => acc[key], spec);
  }
  return current;
}

const refName = (ref) => ref.split("/").pop();
const lit = (value) => JSON.stringify(value);

/** Emits statements that push violations of `schema` for the value in `v` at path `p`. */
class Compiler {
  regexes = new Map();
  functions = [];
  compiled = new Set();
  counter = 0;

  regex(source, flags) {
    const key = `${flags}/${source}`;
    if (!this.regexes.has(key)) this.regexes.set(key, { name: `re${this.regexes.size}`, source, flags });
    return this.regexes.get(key).name;
  }

  named(name) {
    const fn = `validate${name}`;
    if (!this.compiled.has(name)) {
      this.compiled.add(name);
      const body = this.body(spec.components.schemas[name], "v", "p");
      this.functions.push(
        `/** Pushes every violation of the \`${name}\` schema. */\nexport function ${fn}(v: unknown, p: Path, e: Violation[]): void {\n${indent(body)}\n}`,
      );
    }
    return fn;
  }

  body(schema, v, p) {
    for (const key of Object.keys(schema)) {
      if (!SUPPORTED.has(key) && !IGNORED.has(key)) throw new Error(`unsupported schema keyword "${key}"`);
    }
    if (schema.$ref) return `${this.named(refName(schema.$ref))}(${v}, ${p}, e);`;
    const lines = [];
    const id = this.counter++;
    if (schema.oneOf) {
      const branches = schema.oneOf.map((branch, i) => {
        const inner = this.body(branch, v, p);
        return `const b${id}_${i}: Violation[] = [];\n{\n  const e = b${id}_${i};\n${indent(inner)}\n}`;
      });
      lines.push(...branches);
      const names = schema.oneOf.map((_, i) => `b${id}_${i}`);
      lines.push(`const passing${id} = [${names.join(", ")}].filter((b) => b.length === 0).length;`);
      lines.push(
        `if (passing${id} !== 1) {\n  if (passing${id} === 0) for (const b of [${names.join(", ")}]) e.push(...b);\n  e.push({ path: ${p}, code: "oneOf", message: "must match exactly one schema in oneOf" });\n}`,
      );
    }
    const type = schema.type;
    if (type) {
      const check = {
        string: `typeof ${v} === "string"`,
        // ajv's own checks, which Prism uses: `Infinity` passes as an integer there, so it does here.
        integer: `typeof ${v} === "number" && !(${v} % 1) && !Number.isNaN(${v})`,
        number: `typeof ${v} === "number" && !Number.isNaN(${v})`,
        boolean: `typeof ${v} === "boolean"`,
        array: `Array.isArray(${v})`,
        object: `typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v})`,
      }[type];
      if (!check) throw new Error(`unsupported type ${type}`);
      const inner = this.typed(schema, type, v, p);
      const nullable = schema.nullable ? `${v} === null || ` : "";
      const failure = `e.push({ path: ${p}, code: "type", message: ${lit(`must be ${type}`)} });`;
      lines.push(
        inner
          ? `if (${nullable}${check}) {\n${indent(inner)}\n} else ${failure}`
          : `if (!(${nullable}${check})) ${failure}`,
      );
    }
    if (schema.enum) {
      lines.push(
        `if (!${lit(schema.enum)}.includes(${v} as never)) e.push({ path: ${p}, code: "enum", message: ${lit(`must be equal to one of the allowed values: ${schema.enum.join(", ")}`)} });`,
      );
    }
    return lines.join("\n");
  }

  typed(schema, type, v, p) {
    const lines = [];
    if (type === "string") {
      if (schema.format) {
        const source = FORMATS[schema.format];
        if (!source) throw new Error(`unsupported format ${schema.format}`);
        lines.push(
          `if (!${this.regex(source, "i")}.test(${v})) e.push({ path: ${p}, code: "format", message: ${lit(`must match format "${schema.format}"`)} });`,
        );
      }
      if (schema.pattern !== undefined) {
        lines.push(
          `if (!${this.regex(schema.pattern, "u")}.test(${v})) e.push({ path: ${p}, code: "pattern", message: ${lit(`must match pattern "${schema.pattern}"`)} });`,
        );
      }
      if (schema.minLength !== undefined) {
        lines.push(
          `if ([...${v}].length < ${schema.minLength}) e.push({ path: ${p}, code: "minLength", message: ${lit(`must NOT have fewer than ${schema.minLength} characters`)} });`,
        );
      }
      if (schema.maxLength !== undefined) {
        lines.push(
          `if ([...${v}].length > ${schema.maxLength}) e.push({ path: ${p}, code: "maxLength", message: ${lit(`must NOT have more than ${schema.maxLength} characters`)} });`,
        );
      }
    }
    if (type === "integer" || type === "number") {
      if (schema.minimum !== undefined) {
        lines.push(
          `if (${v} < ${schema.minimum}) e.push({ path: ${p}, code: "minimum", message: ${lit(`must be >= ${schema.minimum}`)} });`,
        );
      }
      if (schema.maximum !== undefined) {
        lines.push(
          `if (${v} > ${schema.maximum}) e.push({ path: ${p}, code: "maximum", message: ${lit(`must be <= ${schema.maximum}`)} });`,
        );
      }
    }
    if (type === "array") {
      if (schema.minItems !== undefined) {
        lines.push(
          `if (${v}.length < ${schema.minItems}) e.push({ path: ${p}, code: "minItems", message: ${lit(`must NOT have fewer than ${schema.minItems} items`)} });`,
        );
      }
      if (schema.maxItems !== undefined) {
        lines.push(
          `if (${v}.length > ${schema.maxItems}) e.push({ path: ${p}, code: "maxItems", message: ${lit(`must NOT have more than ${schema.maxItems} items`)} });`,
        );
      }
      if (schema.items) {
        const inner = this.body(schema.items, "item", `[...${p}, String(i)]`);
        lines.push(`${v}.forEach((item: unknown, i: number) => {\n${indent(inner)}\n});`);
      }
    }
    if (type === "object") {
      const o = `o${this.counter++}`;
      lines.push(`const ${o} = ${v} as Record<string, unknown>;`);
      for (const key of schema.required ?? []) {
        lines.push(
          `if (${o}[${lit(key)}] === undefined) e.push({ path: ${p}, code: "required", message: ${lit(`must have required property '${key}'`)} });`,
        );
      }
      const properties = schema.properties ?? {};
      for (const [key, sub] of Object.entries(properties)) {
        const inner = this.body(sub, `${o}[${lit(key)}]`, `[...${p}, ${lit(key)}]`);
        if (inner) lines.push(`if (${o}[${lit(key)}] !== undefined) {\n${indent(inner)}\n}`);
      }
      const extra = schema.additionalProperties;
      const known = `${lit(Object.keys(properties))}`;
      if (extra === false) {
        lines.push(
          `for (const key of Object.keys(${o})) if (!${known}.includes(key)) e.push({ path: ${p}, code: "additionalProperties", message: \`must NOT have additional properties; found '\${key}'\` });`,
        );
      } else if (extra && typeof extra === "object" && Object.keys(extra).length > 0) {
        const inner = this.body(extra, `${o}[key]`, `[...${p}, key]`);
        const skip = Object.keys(properties).length > 0 ? `  if (${known}.includes(key)) continue;\n` : "";
        lines.push(`for (const key of Object.keys(${o})) {\n${skip}${indent(inner)}\n}`);
      }
    }
    return lines.join("\n");
  }
}

function indent(text) {
  return text
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
}

/** What the mock needs to coerce a query or path value the way Prism (ajv, coerceTypes) does. */
function scalarType(schema) {
  const resolved = deref(schema);
  return resolved.type ?? "string";
}

const compiler = new Compiler();
function validateSource(schema) {
  const body = compiler.body(schema, "v", "p");
  return body ? `(v, p, e) => {\n${indent(body)}\n}` : "() => {}";
}
const operations = [];
const examples = {};
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    const params = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(deref);
    const parameters = params.map((param) => {
      const style = param.style ?? (param.in === "query" ? "form" : "simple");
      const resolved = deref(param.schema);
      const entry = {
        name: param.name,
        in: param.in,
        required: Boolean(param.required),
        style,
        validate: validateSource(param.schema),
      };
      if (style === "deepObject") {
        entry.properties = Object.fromEntries(
          Object.entries(resolved.properties ?? {}).map(([key, sub]) => [key, scalarType(sub)]),
        );
      } else {
        entry.type = scalarType(param.schema);
      }
      return entry;
    });
    const requestBody = operation.requestBody ? deref(operation.requestBody) : undefined;
    const bodySchema = requestBody?.content?.["application/json"]?.schema;
    const security = (operation.security ?? spec.security ?? []).flatMap((requirement) =>
      Object.keys(requirement).map((name) => {
        const scheme = spec.components.securitySchemes[name];
        if (scheme.type !== "apiKey" || scheme.in !== "header")
          throw new Error(`unsupported security ${name}`);
        return scheme.name;
      }),
    );
    const responses = {};
    const responseValidators = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      const resolved = deref(response);
      const media = resolved.content?.["application/json"];
      responses[status] = media?.example ?? null;
      if (media?.schema) responseValidators[status] = validateSource(media.schema);
    }
    examples[operation.operationId] = {
      responses,
      requests: Object.fromEntries(
        Object.entries(requestBody?.content?.["application/json"]?.examples ?? {}).map(([k, ex]) => [
          k,
          ex.value,
        ]),
      ),
    };
    operations.push({
      operationId: operation.operationId,
      method: method.toUpperCase(),
      path,
      parameters,
      body: bodySchema
        ? { required: Boolean(requestBody.required), validate: compiler.named(refName(bodySchema.$ref)) }
        : null,
      security,
      statuses: Object.keys(operation.responses).map(Number),
      responseValidators,
    });
  }
}

// Every component schema gets a validator, so tests can check fixtures and answers too.
for (const name of Object.keys(spec.components.schemas)) compiler.named(name);
const typedValidate = (source) => source.replace("(v, p, e)", "(v: unknown, p: Path, e: Violation[])");
const operationIds = operations.map((o) => o.operationId);
const validatorsTs = `${banner}
import type { OperationSpec, Path, Violation } from "../validation/types.js";

${[...compiler.regexes.values()].map((r) => `const ${r.name} = new RegExp(${lit(r.source)}, ${lit(r.flags)});`).join("\n")}

${compiler.functions.join("\n\n")}

/** The operations of the spec, in the order it lists them. */
export const operationSpecs: readonly OperationSpec[] = [
${operations
  .map(
    (op) => `  {
    operationId: ${lit(op.operationId)},
    method: ${lit(op.method)},
    path: ${lit(op.path)},
    parameters: [
${op.parameters
  .map(
    (param) => `      {
        name: ${lit(param.name)},
        in: ${lit(param.in)},
        required: ${param.required},
        style: ${lit(param.style)},
        ${param.properties ? `properties: ${lit(param.properties)}` : `type: ${lit(param.type)}`},
        validate: ${typedValidate(param.validate).replace(/\n/g, "\n        ")},
      },`,
  )
  .join("\n")}
    ],
    body: ${op.body ? `{ required: ${op.body.required}, validate: ${op.body.validate} }` : "null"},
    security: ${lit(op.security)},
    statuses: ${lit(op.statuses)},
    responses: {
${Object.entries(op.responseValidators)
  .map(([status, source]) => `      ${status}: ${typedValidate(source).replace(/\n/g, "\n      ")},`)
  .join("\n")}
    },
  },`,
  )
  .join("\n")}
];
`;

const examplesTs = `${banner}
/** The operation ids of the spec. */
export type OperationId = ${operationIds.map(lit).join(" | ")};

/** The spec's examples: response bodies by operation and status, and named request bodies. */
export const specExamples = ${JSON.stringify(examples, null, 2)} as const;
`;

await writeFile(new URL("validators.ts", outDir), validatorsTs.replace(/\n{3,}/g, "\n\n"));
await writeFile(new URL("examples.ts", outDir), examplesTs);
console.log(`generated ${fileURLToPath(new URL("validators.ts", outDir))} and examples.ts`);
