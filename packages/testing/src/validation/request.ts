import type { OperationSpec, ParameterSpec, ScalarType, Violation } from "./types.js";

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

/** True when a media type is JSON (`application/json`, `application/problem+json`, ...). */
export function isJsonMediaType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[^/]+\+json$/.test(type);
}

/** True when the request carries every API key header the operation requires. */
export function hasCredentials(operation: OperationSpec, headers: Headers): boolean {
  return operation.security.every((name) => (headers.get(name) ?? "") !== "");
}

/**
 * Every way the request breaks the operation's parameters and body. Query and path values
 * are coerced like Prism does (ajv's `coerceTypes`): `per_page=0x10` is 16, an empty
 * top-level value counts as absent, a repeated one becomes an array.
 */
export function validateRequest(operation: OperationSpec, parts: RequestParts): Violation[] {
  const errors: Violation[] = [];
  for (const param of operation.parameters) {
    if (param.in === "path") validatePathParameter(param, parts.pathParams[param.name], errors);
    else if (param.in === "query") validateQueryParameter(param, parts.query, errors);
  }
  if (operation.body) {
    const present = parts.bodyText.trim() !== "";
    if (present && !isJsonMediaType(parts.headers.get("content-type"))) {
      errors.push({ path: ["body"], code: "415", message: "must be sent as application/json" });
    } else if (!present || parts.body === null) {
      if (operation.body.required) errors.push({ path: ["body"], code: "required", message: "is required" });
    } else {
      operation.body.validate(parts.body, ["body"], errors);
    }
  }
  return errors;
}

function validatePathParameter(param: ParameterSpec, raw: string | undefined, errors: Violation[]): void {
  const path = ["path", param.name];
  if (raw === undefined || raw === "") {
    if (param.required) errors.push({ path, code: "required", message: "is required" });
    return;
  }
  param.validate(coerce(raw, param.type ?? "string"), path, errors);
}

function validateQueryParameter(param: ParameterSpec, query: URLSearchParams, errors: Violation[]): void {
  const path = ["query", param.name];
  if (param.style === "deepObject") {
    // Only the schema's own properties are read, as Prism does; `q[other]` is ignored.
    const value: Record<string, unknown> = {};
    for (const [key, type] of Object.entries(param.properties ?? {})) {
      const values = query.getAll(`${param.name}[${key}]`);
      if (values.length === 1) value[key] = coerce(values[0]!, type);
      else if (values.length > 1) value[key] = values;
    }
    if (Object.keys(value).length === 0) {
      if (param.required) errors.push({ path, code: "required", message: "is required" });
      return;
    }
    param.validate(value, path, errors);
    return;
  }
  const values = query.getAll(param.name).filter((v) => v !== "");
  if (values.length === 0) {
    if (param.required) errors.push({ path, code: "required", message: "is required" });
    return;
  }
  param.validate(values.length === 1 ? coerce(values[0]!, param.type ?? "string") : values, path, errors);
}

/** ajv's `coerceTypes` for a string: a number only when the whole string is one. */
export function coerce(value: string, type: ScalarType): unknown {
  if (type === "integer" || type === "number") {
    const n = Number(value);
    return value !== "" && !Number.isNaN(n) ? n : value;
  }
  if (type === "boolean") {
    if (value === "true") return true;
    if (value === "false") return false;
  }
  return value;
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
