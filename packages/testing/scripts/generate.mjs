// The testing package's part of `pnpm generate` (scripts/generate.mjs at the root runs it):
// everything the mock knows of the spec, as files for src/generated/.
//
// - validators.js: ajv's standalone validators of requests (plain ESM, built now, so nothing is
//   compiled at run time and the mock runs in browsers and workerd, which forbid
//   `new Function`), bundled with the few helpers they call from ajv and ajv-formats, so the
//   package has no runtime dependency. validators.d.ts types them.
// - operations.ts: the route table: each operation's method, path, parameters, body, security,
//   documented statuses, and its request validators.
// - response-validators.js and responses.ts: the same for the answers, by operation and status;
//   only tests import them, so they stay out of the mock's bundle.
// - examples.ts: the operation ids and the spec's examples (or, where it has none, a body built
//   from the schema), which the mock answers with.
//
// The schemas are turned into JSON Schema the way Prism turns them (Stoplight's http-spec):
// `nullable` becomes a `null` type, `int32`/`int64`/`float`/`double` become ranges, `byte` a
// pattern, `binary` and `base64` annotations; `readOnly` properties are dropped from requests
// and `writeOnly` ones from responses; and they are compiled by the ajv version and options
// Prism uses, with the formats it registers. So the mock and Prism agree by construction;
// packages/contract-tests/test/differential checks that they do.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv, { _ } from "ajv";
import Ajv2019 from "ajv/dist/2019.js";
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const { formats } = require("./validation/formats.cjs");
const here = fileURLToPath(new URL(".", import.meta.url));
const packageDir = fileURLToPath(new URL("..", import.meta.url));

const banner = `/**
 * GENERATED FILE - DO NOT EDIT.
 * Source: openapi/kapso.yaml. Regenerate with \`pnpm generate\` (packages/testing/scripts/generate.mjs).
 */
`;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// Keywords that describe and never constrain: left out of the compiled schemas.
const ANNOTATIONS = new Set([
  "title",
  "description",
  "example",
  "examples",
  "externalDocs",
  "xml",
  "discriminator",
  "deprecated",
  "$comment",
  "contentSchema",
]);
// Keywords whose value is one schema, a list of schemas, or a map of schemas.
const ONE_SCHEMA = [
  "not",
  "additionalItems",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_MAPS = ["patternProperties", "definitions", "$defs", "dependentSchemas"];
// http-spec's ranges for the OpenAPI number formats.
const NUMBER_RANGES = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  float: [-(2 ** 128), 2 ** 128 - 1],
  double: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const lit = (value) => JSON.stringify(value);

/**
 * The spec's schemas as JSON Schema for one direction (`request` drops readOnly properties,
 * `response` writeOnly ones). Every `$ref` becomes a reference to a schema of its own,
 * so each referenced schema is compiled once.
 */
class SchemaConverter {
  /** @param {import("../../../scripts/spec/load-spec.mjs").Spec} spec */
  constructor(spec, direction) {
    this.spec = spec;
    this.direction = direction;
    this.id = `kapsokit:${direction}`;
    this.definitions = {};
    this.names = new Map();
  }

  convert(schema, url) {
    if (!isObject(schema)) {
      return schema;
    }
    if (typeof schema.$ref === "string") {
      const target = this.spec.resolve(schema.$ref, url);
      const key = `${target.url.href}${target.pointer}`;
      let name = this.names.get(key);
      if (!name) {
        name = `d${this.names.size}`;
        this.names.set(key, name);
        this.definitions[name] = true;
        this.definitions[name] = this.convert(target.value, target.url);
      }
      const ref = { $ref: `${this.id}:${name}` };
      // In 3.0 a `$ref` stands alone; 3.1 applies the keywords beside it too.
      if (this.spec.version === "3.0") {
        return ref;
      }
      const { $ref: _ref, ...siblings } = schema;
      return Object.keys(siblings).length === 0 ? ref : { allOf: [ref, this.convert(siblings, url)] };
    }
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key) || key.startsWith("x-")) {
        continue;
      }
      if (key === "properties" && isObject(value)) {
        out.properties = {};
        for (const [name, property] of Object.entries(value)) {
          if (this.#hidden(property, url)) {
            continue;
          }
          out.properties[name] = this.convert(property, url);
        }
      } else if (key === "items") {
        out.items = Array.isArray(value) ? value.map((s) => this.convert(s, url)) : this.convert(value, url);
      } else if (key === "additionalProperties") {
        out.additionalProperties = this.convert(value, url);
      } else if (ONE_SCHEMA.includes(key)) {
        out[key] = this.convert(value, url);
      } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
        // http-spec drops list entries that are not schemas.
        out[key] = value.filter((s) => typeof s === "object" && s !== null).map((s) => this.convert(s, url));
      } else if (SCHEMA_MAPS.includes(key) && isObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, s]) => [k, this.convert(s, url)]));
      } else {
        out[key] = value;
      }
    }
    if (Array.isArray(out.required) && isObject(schema.properties)) {
      const dropped = Object.keys(schema.properties).filter((name) => !(name in out.properties));
      out.required = out.required.filter((name) => !dropped.includes(name));
    }
    this.#openapiKeywords(out);
    return out;
  }

  /** Whether a property is left out in this direction (readOnly in requests, writeOnly in responses). */
  #hidden(property, url) {
    const resolved = this.spec.deref(property, url).value;
    if (!isObject(resolved)) {
      return false;
    }
    return this.direction === "request" ? resolved.readOnly === true : resolved.writeOnly === true;
  }

  /** OpenAPI's own keywords, turned into JSON Schema as http-spec turns them for Prism. */
  #openapiKeywords(out) {
    if ("nullable" in out) {
      if (out.nullable === true && typeof out.type === "string") {
        out.type = [out.type, "null"];
        // An enum that lists null already keeps one (http-spec adds a second, which ajv refuses).
        if (Array.isArray(out.enum) && !out.enum.includes(null)) {
          out.enum = [...out.enum, null];
        }
      }
      delete out.nullable;
    }
    const range = NUMBER_RANGES[out.format];
    if (range) {
      out.minimum = Math.max(
        Number.isNaN(Number(out.minimum ?? Number.NaN)) ? range[0] : Number(out.minimum),
        range[0],
      );
      out.maximum = Math.min(
        Number.isNaN(Number(out.maximum ?? Number.NaN)) ? range[1] : Number(out.maximum),
        range[1],
      );
    } else if (out.format === "byte") {
      out.pattern = "^[\\w\\d+\\/=]*$";
    } else if (out.format === "base64") {
      out.contentEncoding = "base64";
      delete out.format;
    } else if (out.format === "binary") {
      out.contentMediaType = "application/octet-stream";
      delete out.format;
    }
    for (const [exclusive, bound] of [
      ["exclusiveMinimum", "minimum"],
      ["exclusiveMaximum", "maximum"],
    ]) {
      if (!(exclusive in out) || typeof out[exclusive] === "number") {
        continue;
      }
      if (out[exclusive] === true && typeof out[bound] === "number") {
        out[exclusive] = out[bound];
        delete out[bound];
      } else {
        delete out[exclusive];
      }
    }
    delete out.readOnly;
    delete out.writeOnly;
  }

  /** Each referenced schema by the id `$ref`s name it with; ajv compiles each once. */
  definitionSchemas() {
    return Object.entries(this.definitions).map(([name, schema]) => [`${this.id}:${name}`, schema]);
  }
}

/** A small value that fits a schema, for an answer the spec gives no example of. */
function sample(spec, schema, url, depth = 0) {
  const { value: s, url: at } = spec.deref(schema, url);
  if (!isObject(s) || depth > 8) {
    return null;
  }
  if (s.example !== undefined) {
    return s.example;
  }
  if (Array.isArray(s.examples) && s.examples.length > 0) {
    return s.examples[0];
  }
  if (s.default !== undefined) {
    return s.default;
  }
  if (s.const !== undefined) {
    return s.const;
  }
  if (Array.isArray(s.enum) && s.enum.length > 0) {
    return s.enum[0];
  }
  for (const key of ["oneOf", "anyOf"]) {
    if (Array.isArray(s[key]) && s[key].length > 0) {
      return sample(spec, s[key][0], at, depth + 1);
    }
  }
  if (Array.isArray(s.allOf)) {
    return Object.assign({}, ...s.allOf.map((part) => sample(spec, part, at, depth + 1)).filter(isObject));
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (type === "object" || (!type && isObject(s.properties))) {
    return Object.fromEntries(
      Object.entries(s.properties ?? {})
        .filter(([, property]) => spec.deref(property, at).value?.writeOnly !== true)
        .map(([name, property]) => [name, sample(spec, property, at, depth + 1)]),
    );
  }
  if (type === "array") {
    return s.items ? [sample(spec, s.items, at, depth + 1)] : [];
  }
  if (type === "integer" || type === "number") {
    return typeof s.minimum === "number" ? s.minimum : 0;
  }
  if (type === "boolean") {
    return true;
  }
  if (type === "string") {
    const byFormat = {
      "date-time": "2025-01-01T00:00:00Z",
      date: "2025-01-01",
      time: "00:00:00Z",
      email: "user@example.com",
      uri: "https://example.com",
      url: "https://example.com",
      uuid: "00000000-0000-4000-8000-000000000000",
      hostname: "example.com",
      ipv4: "192.0.2.1",
      ipv6: "2001:db8::1",
    };
    return byFormat[s.format] ?? "string";
  }
  return null;
}

/** The shape of a parameter's schema that deserialising its value needs (Prism's deserialisers). */
function shapeOf(spec, schema, url, depth = 0) {
  const { value: s, url: at } = spec.deref(schema, url);
  if (!isObject(s) || depth > 4) {
    return {};
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  const shape = type ? { type } : {};
  if (type === "object" && isObject(s.properties)) {
    shape.properties = Object.fromEntries(
      Object.entries(s.properties).map(([name, property]) => [name, shapeOf(spec, property, at, depth + 1)]),
    );
  }
  if (type === "array" && isObject(s.items)) {
    shape.items = shapeOf(spec, s.items, at, depth + 1);
  }
  return shape;
}

/** Every JSON media type of a content map: `application/json`, `application/*+json`, `*\/*`. */
function isJsonMedia(type) {
  const essence = type.split(";")[0].trim().toLowerCase();
  return (
    essence === "application/json" ||
    /^application\/[^/]+\+json$/.test(essence) ||
    essence === "*/*" ||
    essence === "application/*"
  );
}

/** The schemes an operation accepts: a list of alternatives, each a list of schemes all required. */
function securityOf(spec, operation, where) {
  const requirements = operation.security ?? spec.document.security ?? [];
  const schemes = spec.document.components?.securitySchemes ?? {};
  return requirements.map((requirement) =>
    Object.keys(requirement ?? {}).map((name) => {
      if (!schemes[name]) {
        throw new Error(
          `${where}: security names "${name}", which components.securitySchemes does not define`,
        );
      }
      const scheme = spec.deref(schemes[name]).value;
      if (scheme.type === "apiKey") {
        return { type: "apiKey", in: scheme.in, name: scheme.name };
      }
      if (scheme.type === "http") {
        return { type: "http", scheme: String(scheme.scheme ?? "").toLowerCase() };
      }
      return { type: scheme.type };
    }),
  );
}

/** Generated names for the parts of the route table that ajv compiles. */
class ValidatorSet {
  entries = [];
  /** `where` names the part of the document, for a schema ajv cannot compile. */
  add(schema, direction, coerce, where) {
    const name = `v${this.entries.length}`;
    this.entries.push({ name, schema, direction, coerce, where });
    return name;
  }
}

function readOperations(spec) {
  const request = new SchemaConverter(spec, "request");
  const response = new SchemaConverter(spec, "response");
  const validators = new ValidatorSet();
  const operations = [];
  const examples = {};
  const seen = new Set();
  for (const [path, rawItem] of Object.entries(spec.document.paths ?? {})) {
    const { value: item, url: itemUrl } = spec.deref(rawItem);
    if (!isObject(item)) {
      continue;
    }
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) {
        continue;
      }
      const where = `paths.${path}.${method}`;
      // An operation without an id is known by its method and path; an empty id is refused,
      // so `""` is never one (the matchers' type tests rely on it).
      if (operation.operationId === "") {
        throw new Error(`${where}: operationId is empty`);
      }
      const operationId = operation.operationId ?? `${method.toUpperCase()} ${path}`;
      if (seen.has(operationId)) {
        throw new Error(`${where}: operationId "${operationId}" is used twice`);
      }
      seen.add(operationId);

      // Path-level parameters, overridden by the operation's own of the same name and place.
      const byKey = new Map();
      for (const raw of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const { value: param, url } = spec.deref(raw, itemUrl);
        if (isObject(param)) {
          byKey.set(`${param.in}:${param.name}`, { param, url });
        }
      }
      const parameters = [];
      const groups = { path: [], query: [], header: [] };
      for (const { param, url } of byKey.values()) {
        const style = param.style ?? (param.in === "query" || param.in === "cookie" ? "form" : "simple");
        const explode = param.explode ?? style === "form";
        parameters.push({
          name: param.name,
          in: param.in,
          required: param.in === "path" ? true : Boolean(param.required),
          style,
          explode,
          shape: param.schema ? shapeOf(spec, param.schema, url) : {},
        });
        if (groups[param.in]) {
          groups[param.in].push({ param, url });
        }
      }
      const parameterValidators = {};
      for (const [location, params] of Object.entries(groups)) {
        if (params.length === 0) {
          continue;
        }
        // As Prism validates parameters: one object of every parameter of the place, names in
        // lower case, values coerced to their schema's type.
        const properties = {};
        const required = [];
        for (const { param, url } of params) {
          const name = param.name.toLowerCase();
          if (param.schema) {
            properties[name] = request.convert(param.schema, url);
          }
          if (param.required || param.in === "path") {
            required.push(name);
          }
        }
        parameterValidators[location] = validators.add(
          { type: "object", properties, required },
          "request",
          true,
        );
      }

      let body = null;
      if (operation.requestBody) {
        const { value: requestBody, url } = spec.deref(operation.requestBody, itemUrl);
        const contents = Object.entries(requestBody.content ?? {}).map(([mediaType, media]) => ({
          mediaType,
          validate: isObject(media?.schema)
            ? validators.add(
                request.convert(media.schema, url),
                "request",
                false,
                `${where}.requestBody.${mediaType}`,
              )
            : null,
        }));
        body = { required: Boolean(requestBody.required), contents };
      }

      const responseValidators = {};
      const responseExamples = {};
      for (const [status, raw] of Object.entries(operation.responses ?? {})) {
        const { value: answer, url } = spec.deref(raw, itemUrl);
        const entry = Object.entries(answer?.content ?? {}).find(([type]) => isJsonMedia(type));
        const media = entry?.[1];
        if (isObject(media?.schema)) {
          responseValidators[status] = validators.add(
            response.convert(media.schema, url),
            "response",
            false,
            `${where}.responses.${status}`,
          );
        }
        responseExamples[status] = exampleOf(spec, media, url);
      }
      const requestMedia = Object.entries(
        spec.deref(operation.requestBody ?? {}, itemUrl).value?.content ?? {},
      ).find(([type]) => isJsonMedia(type))?.[1];
      examples[operationId] = {
        responses: responseExamples,
        requests: Object.fromEntries(
          Object.entries(requestMedia?.examples ?? {}).map(([name, example]) => [
            name,
            spec.deref(example, itemUrl).value?.value ?? null,
          ]),
        ),
      };
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        parameters,
        parameterValidators,
        body,
        security: securityOf(spec, operation, where),
        statuses: Object.keys(operation.responses ?? {}),
        responseValidators,
      });
    }
  }
  return { operations, examples, validators, request, response };
}

/** The answer's example: `example`, the first of `examples`, or one built from the schema. */
function exampleOf(spec, media, url) {
  if (!isObject(media)) {
    return null;
  }
  if (media.example !== undefined) {
    return media.example;
  }
  const first = Object.values(media.examples ?? {})[0];
  if (first !== undefined) {
    return spec.deref(first, url).value?.value ?? null;
  }
  return media.schema ? sample(spec, media.schema, url) : null;
}

/** An ajv set up as Prism sets up its own, for the spec's JSON Schema dialect. */
function createAjv(spec, coerce) {
  const dialect = spec.document.jsonSchemaDialect ?? "";
  const AjvClass = /2020-12/.test(dialect) ? Ajv2020 : /2019-09/.test(dialect) ? Ajv2019 : Ajv;
  const ajv = new AjvClass({
    allErrors: true,
    allowUnionTypes: true,
    allowMatchingProperties: true,
    strict: false,
    coerceTypes: coerce,
    // A format ajv does not know (`phone`, `int8`) is not checked, as in Prism; no warning.
    logger: { log() {}, warn() {}, error: console.error },
    code: { source: true, esm: true, lines: false },
    // A referenced schema is one function that every validator calls, not a copy in each.
    inlineRefs: false,
  });
  for (const [name, format] of Object.entries(formats)) {
    ajv.addFormat(name, format);
  }
  // Function-backed formats are referenced from the bundled formats module, not inlined.
  ajv.opts.code.formats = _`require("./validation/formats.cjs").formats`;
  return ajv;
}

/**
 * The standalone validators of one direction's entries (`request` or `response`), bundled with
 * their helpers into one ESM file.
 */
async function compileValidators(spec, converted, direction) {
  const { validators } = converted;
  const converter = converted[direction];
  const sources = [];
  for (const coerce of [false, true]) {
    const entries = validators.entries.filter((e) => e.coerce === coerce && e.direction === direction);
    if (entries.length === 0) {
      continue;
    }
    const ajv = createAjv(spec, coerce);
    const refs = {};
    for (const [id, schema] of converter.definitionSchemas()) {
      ajv.addSchema(schema, id);
    }
    for (const entry of entries) {
      const id = `kapsokit:${entry.name}`;
      // Compiled one by one first, so a schema ajv refuses (a bad pattern, say) is named.
      try {
        ajv.addSchema(entry.schema, id);
        ajv.getSchema(id);
      } catch (error) {
        throw new Error(
          `${entry.where}: the schema cannot be compiled: ${String(error.message).split("\n")[0]}`,
        );
      }
      refs[entry.name] = id;
    }
    sources.push(standaloneCode(ajv, refs).replace(/^"use strict";/, ""));
  }
  if (sources.length === 0) {
    return "export {};\n";
  }
  // The two halves (coerced and not) share nothing but their imports; each gets its own scope.
  const entry = sources.map((_source, i) => `export * from "virtual:part${i}";`).join("\n");
  const result = await build({
    stdin: { contents: entry, resolveDir: here, sourcefile: "validators.js", loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2022",
    write: false,
    legalComments: "none",
    absWorkingDir: packageDir,
    logLevel: "silent",
    plugins: [
      {
        name: "parts",
        setup(b) {
          b.onResolve({ filter: /^virtual:part\d+$/ }, (args) => ({ path: args.path, namespace: "part" }));
          b.onLoad({ filter: /.*/, namespace: "part" }, (args) => ({
            contents: sources[Number(args.path.slice("virtual:part".length))],
            loader: "js",
            resolveDir: here,
          }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/** The MIT notices of the code bundled into validators.js. */
function notices() {
  // fast-deep-equal is ajv's own dependency, found from where ajv is.
  const from = {
    ajv: require,
    "ajv-formats": require,
    "fast-deep-equal": createRequire(require.resolve("ajv")),
  };
  const licence = (pkg) => {
    let dir = dirname(from[pkg].resolve(pkg));
    while (!existsSync(join(dir, "LICENSE"))) {
      dir = dirname(dir);
    }
    const text = readFileSync(join(dir, "LICENSE"), "utf8");
    return (
      text
        .split("\n")
        .find((line) => /copyright/i.test(line))
        ?.trim() ?? ""
    );
  };
  const owners = ["ajv", "ajv-formats", "fast-deep-equal"].map((pkg) => ` *   ${pkg}: ${licence(pkg)}`);
  return `/*!
 * Bundled from ajv's standalone validators and their run-time helpers, under the MIT License:
${owners.join("\n")}
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 * and associated documentation files (the "Software"), to deal in the Software without
 * restriction, including without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions: The above copyright
 * notice and this permission notice shall be included in all copies or substantial portions of
 * the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
 * PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
 * LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 * OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
 * DEALINGS IN THE SOFTWARE.
 */
`;
}

function operationsSource(operations) {
  const validator = (name) => (name ? `validators.${name}` : "null");
  const items = operations.map((op) => {
    const params = Object.entries(op.parameterValidators)
      .map(([location, name]) => `${location}: ${validator(name)}`)
      .join(", ");
    const body = op.body
      ? `{ required: ${op.body.required}, contents: [${op.body.contents
          .map((c) => `{ mediaType: ${lit(c.mediaType)}, validate: ${validator(c.validate)} }`)
          .join(", ")}] }`
      : "null";
    return `  {
    operationId: ${lit(op.operationId)},
    method: ${lit(op.method)},
    path: ${lit(op.path)},
    parameters: ${lit(op.parameters)},
    validateParameters: { ${params} },
    body: ${body},
    security: ${lit(op.security)},
    statuses: ${lit(op.statuses)},
  },`;
  });
  return `${banner}
import type { OperationSpec } from "../validation/types.js";
import * as validators from "./validators.js";

/** The operations of the spec, in the order it lists them. */
export const operationSpecs: readonly OperationSpec[] = [
${items.join("\n")}
];
`;
}

function declarationsSource(validators, direction) {
  const entries = validators.entries.filter((e) => e.direction === direction);
  return `${banner}
import type { ValidateFunction } from "../validation/types.js";

${entries.map((e) => `export declare const ${e.name}: ValidateFunction;`).join("\n")}
`;
}

/** The answers' validators by operation and status, for tests: the mock itself never needs them. */
function responsesSource(operations) {
  const items = operations.map((op) => {
    const statuses = Object.entries(op.responseValidators)
      .map(([status, name]) => `${lit(status)}: validators.${name}`)
      .join(", ");
    return `  ${lit(op.operationId)}: { ${statuses} },`;
  });
  return `${banner}
import type { ValidateFunction } from "../validation/types.js";
import * as validators from "./response-validators.js";

/** A validator of the JSON body of each documented answer that has a schema, by operation and status. */
export const responseValidators: Readonly<Record<string, Readonly<Record<string, ValidateFunction>>>> = {
${items.join("\n")}
};
`;
}

function examplesSource(examples) {
  const ids = Object.keys(examples);
  return `${banner}
/** The operation ids of the spec. */
export type OperationId = ${ids.length > 0 ? ids.map(lit).join(" | ") : "never"};

/** The spec's examples: response bodies by operation and status, and named request bodies. */
export const specExamples = ${JSON.stringify(examples, null, 2)} as const;
`;
}

/**
 * The files of `src/generated/`, by name, for a loaded and checked spec.
 *
 * @param {import("../../../scripts/spec/load-spec.mjs").Spec} spec
 * @returns {Promise<Record<string, string>>}
 */
export async function generate(spec) {
  const converted = readOperations(spec);
  const [requests, responses] = await Promise.all([
    compileValidators(spec, converted, "request"),
    compileValidators(spec, converted, "response"),
  ]);
  return {
    "validators.js": `${banner}${notices()}${requests}`,
    "validators.d.ts": declarationsSource(converted.validators, "request"),
    "response-validators.js": `${banner}${notices()}${responses}`,
    "response-validators.d.ts": declarationsSource(converted.validators, "response"),
    "responses.ts": responsesSource(converted.operations),
    "operations.ts": operationsSource(converted.operations),
    "examples.ts": examplesSource(converted.examples),
  };
}
