// Validates a request against its operation the way Prism does: each place's parameters are
// read as Prism's deserialisers read them and checked as one object by a generated validator
// (which coerces `per_page=0x10` to 16 as ajv's `coerceTypes` does), and a JSON body is
// checked as it is.
import type {
  OperationSpec,
  ParameterShape,
  ParameterSpec,
  ValidateFunction,
  ValidationErrorObject,
  Violation,
} from "./types.js";

/** A request taken apart for validation. */
export interface RequestParts {
  pathParams: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  /** The raw body text; empty when there is none. */
  bodyText: string;
  /** The parsed JSON body, when the body was JSON. */
  body: unknown;
}

/** Parameter values after validation, coerced to their schemas' types; names in lower case. */
export interface RequestParameters {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

export interface ValidatedRequest {
  violations: Violation[];
  parameters: RequestParameters;
}

/** True when a media type is JSON (`application/json`, `application/problem+json`, ...). */
export function isJsonMediaType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[^/]+\+json$/.test(type);
}

/** `type/subtype` of a media type, a `+json` style suffix dropped, as Prism compares them. */
function mediaParts(mediaType: string): { type: string; subtype: string } | null {
  const essence = mediaType.split(";")[0]!.trim().toLowerCase();
  const match = /^([^/\s]+)\/(?:[^/\s]+\+)?([^/+\s]+)$/.exec(essence);
  return match ? { type: match[1]!, subtype: match[2]! } : null;
}

/** Whether a request's media type is one a content entry of the spec (maybe `*`) accepts. */
export function mediaTypeMatches(requestType: string, specType: string): boolean {
  const a = mediaParts(requestType);
  const b = mediaParts(specType);
  return (
    !!a && !!b && (a.type === b.type || b.type === "*") && (a.subtype === b.subtype || b.subtype === "*")
  );
}

/** Every way the request breaks the operation's parameters and body, and the coerced parameters. */
export function validateRequest(operation: OperationSpec, parts: RequestParts): ValidatedRequest {
  const violations: Violation[] = [];
  const query = lowerCaseKeys(queryValues(parts.query));
  const headers: Record<string, string> = {};
  parts.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const pathValues = lowerCaseKeys(parts.pathParams);
  const parameters: RequestParameters = {
    path: readParameters(operation, "path", pathValues),
    query: readParameters(operation, "query", query),
    header: readParameters(operation, "header", headers),
  };
  for (const place of ["path", "query", "header"] as const) {
    const validate = operation.validateParameters[place];
    if (validate) {
      violations.push(...run(validate, parameters[place], place));
    }
  }
  violations.push(...validateBody(operation, parts));
  return { violations, parameters };
}

function validateBody(operation: OperationSpec, parts: RequestParts): Violation[] {
  const spec = operation.body;
  if (!spec) {
    return [];
  }
  const contentType = parts.headers.get("content-type");
  const present = parts.bodyText !== "";
  // Prism takes a body that parses to a falsy value (`null`, `0`, `false`) as no body.
  const value = isJsonMediaType(contentType) ? parts.body : parts.bodyText;
  if (!present || !value) {
    return spec.required ? [{ path: ["body"], code: "required", message: "is required" }] : [];
  }
  const match = contentType
    ? spec.contents.find((content) => mediaTypeMatches(contentType, content.mediaType))
    : spec.contents[0];
  if (!match) {
    const accepted = spec.contents.map((c) => c.mediaType).join(", ");
    return [{ path: ["body"], code: "415", message: `must be sent as ${accepted}` }];
  }
  // A JSON body is checked against its schema; other media types are accepted as they are.
  if (!match.validate || !isJsonMediaType(contentType)) {
    return [];
  }
  return run(match.validate, value, "body");
}

/** A generated validator's errors as violations under `place`, worded as Prism words them. */
function run(validate: ValidateFunction, value: unknown, place: string): Violation[] {
  if (validate(value)) {
    return [];
  }
  return (validate.errors ?? []).map((error) => toViolation(error, place));
}

function toViolation(error: ValidationErrorObject, place: string): Violation {
  const params = error.params;
  const allowed = Array.isArray(params.allowedValues) ? `: ${params.allowedValues.join(", ")}` : "";
  const extra = "additionalProperty" in params ? `; found '${String(params.additionalProperty)}'` : "";
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  return {
    path: [place, ...segments],
    code: error.keyword,
    message: `${error.message ?? "is not valid"}${allowed}${extra}`,
  };
}

/** The query as Prism's server reads it: one value, or an array when a name is repeated. */
function queryValues(query: URLSearchParams): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const all = query.getAll(name);
    values[name] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

function lowerCaseKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key.toLowerCase()] = value;
  }
  return out;
}

type Raw = Record<string, string | string[] | undefined>;

/** One place's parameters, each read by its style's deserialiser; absent ones left out. */
function readParameters(
  operation: OperationSpec,
  place: ParameterSpec["in"],
  raw: Raw,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const param of operation.parameters) {
    if (param.in !== place) {
      continue;
    }
    const name = param.name.toLowerCase();
    const value = deserialize(param, name, raw);
    // Prism keeps only the values that are there; an empty one counts as absent.
    if (value !== undefined && value !== "") {
      values[name] = value;
    }
  }
  return values;
}

function deserialize(param: ParameterSpec, name: string, raw: Raw): unknown {
  const { shape, style, explode } = param;
  const value = raw[name];
  if (style === "deepObject") {
    return deepObject(name, raw, shape);
  }
  if (param.in === "path" || param.in === "header" || style === "simple") {
    if (value === undefined) {
      return undefined;
    }
    const text = Array.isArray(value) ? value.join(",") : value;
    if (shape.type === "array") {
      return text === "" ? [] : text.split(",");
    }
    if (shape.type === "object") {
      return pairs(text.split(","), explode);
    }
    return text;
  }
  // form (the query's default), and the delimited styles.
  if (!(shape.type === "object" && explode) && !value) {
    return undefined;
  }
  if (shape.type === "array") {
    if (style === "spaceDelimited" || style === "pipeDelimited") {
      const last = Array.isArray(value) ? value.at(-1)! : value!;
      return last.split(style === "pipeDelimited" ? "|" : " ");
    }
    if (explode) {
      return Array.isArray(value) ? value : [value];
    }
    return (Array.isArray(value) ? value.at(-1)! : value!).split(",");
  }
  if (shape.type === "object") {
    if (explode) {
      const properties = shape.properties ?? {};
      const object: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(raw)) {
        if (Object.hasOwn(properties, key)) {
          object[key] = v;
        }
      }
      return object;
    }
    return pairs((Array.isArray(value) ? value.at(-1)! : value!).split(","), false);
  }
  return value;
}

/** `a,1,b,2` → `{ a: "1", b: "2" }`; exploded, `a=1,b=2` → the same. */
function pairs(items: string[], exploded: boolean): Record<string, string | undefined> {
  const object: Record<string, string | undefined> = {};
  if (exploded) {
    for (const item of items) {
      const [key, v] = item.split("=");
      object[key!] = v;
    }
    return object;
  }
  items.forEach((item, i) => {
    if (i % 2 === 0) {
      object[item] = undefined;
    } else {
      object[items[i - 1]!] = item;
    }
  });
  return object;
}

/** `q[status_eq]=approved` → `{ status_eq: "approved" }`, for the properties the schema names. */
function deepObject(name: string, raw: Raw, shape: ParameterShape): unknown {
  const construct = (path: string[], def: ParameterShape): unknown => {
    const key = name + path.map((p) => `[${p}]`).join("");
    if (def.type === "object") {
      const object: Record<string, unknown> = {};
      for (const [property, sub] of Object.entries(def.properties ?? {})) {
        object[property] = construct([...path, property], sub);
      }
      return object;
    }
    if (def.type === "array") {
      const indexes = new Set<string>();
      const prefix = `${key}[`;
      for (const k of Object.keys(raw)) {
        const index = k.startsWith(prefix) ? /^(\d+)\]/.exec(k.slice(prefix.length))?.[1] : undefined;
        if (index !== undefined) {
          indexes.add(index);
        }
      }
      return [...indexes].map((i) => construct([...path, i], def.items ?? {}));
    }
    return raw[key];
  };
  const value = construct([], shape) as Record<string, unknown>;
  // Nothing of the object was given: the parameter is absent.
  if (shape.type === "object" && Object.values(value).every((v) => v === undefined)) {
    return undefined;
  }
  return value;
}

/** True when the request carries the credentials of one of the ways the operation accepts. */
export function hasCredentials(operation: OperationSpec, headers: Headers, query: URLSearchParams): boolean {
  if (operation.security.length === 0) {
    return true;
  }
  return operation.security.some((schemes) =>
    schemes.every((scheme) => {
      if (scheme.type === "apiKey" && "in" in scheme) {
        if (scheme.in === "header") {
          return (headers.get(scheme.name) ?? "") !== "";
        }
        if (scheme.in === "query") {
          return !!query.get(scheme.name);
        }
        const cookie = headers.get("cookie") ?? "";
        return new RegExp(`${scheme.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}=.+`).test(cookie);
      }
      const authorization = headers.get("authorization") ?? "";
      if (scheme.type === "http" && "scheme" in scheme) {
        if (scheme.scheme === "basic") {
          return /^Basic\s+\S+/i.test(authorization);
        }
        if (scheme.scheme === "digest") {
          return /^Digest\s+\S+/i.test(authorization);
        }
        return /^Bearer\s.+$/.test(authorization);
      }
      if (scheme.type === "oauth2" || scheme.type === "openIdConnect") {
        return /^Bearer\s.+$/.test(authorization);
      }
      // A scheme Prism does not check either.
      return true;
    }),
  );
}

/** The API key of a request: the values of the operation's API key headers, joined. */
export function apiKeyOf(operation: OperationSpec, headers: Headers): string {
  const names = new Set<string>();
  for (const schemes of operation.security) {
    for (const scheme of schemes) {
      if (scheme.type === "apiKey" && "in" in scheme && scheme.in === "header") {
        names.add(scheme.name);
      }
    }
  }
  return [...names].map((name) => headers.get(name) ?? "").join(" ");
}

/** `query.q.status_eq must be ...`: a violation in words. */
export function describeViolation(violation: Violation): string {
  const [where, ...rest] = violation.path;
  const location = { path: "path parameter", query: "query parameter", header: "header", body: "body" }[
    where as "path" | "query" | "header" | "body"
  ];
  const name = rest.join(".");
  return `${location ?? where}${name ? ` ${name}` : ""} ${violation.message}`;
}
