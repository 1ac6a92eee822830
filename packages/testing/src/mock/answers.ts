// The bodies the mock answers with when no handler decides otherwise: the spec's examples,
// and the API's general error shape.
import { type OperationId, specExamples } from "../generated/examples.js";
import { describeViolation } from "../validation/request.js";
import type { Violation } from "../validation/types.js";

/** The spec's example body for an operation's status, or a general error body. */
export function documentedBody(operationId: OperationId, status: number): unknown {
  const responses = (specExamples as Record<string, { responses: Record<string, unknown> }>)[operationId]
    ?.responses;
  const example = responses?.[String(status)];
  if (example !== undefined && example !== null) {
    return structuredClone(example);
  }
  return { error: statusText(status), status, message: statusText(status) };
}

/** The 422 body of a request that breaks the spec, each violation in words. */
export function validationBody(violations: Violation[]): Record<string, unknown> {
  return {
    error: "Validation failed",
    status: 422,
    message: violations.map(describeViolation).join("; "),
    violations: violations.map((v) => ({ location: v.path, code: v.code, message: describeViolation(v) })),
  };
}

/** The API's error body for a status the mock answers itself (`404` for an unknown path, ...). */
export function errorBody(status: number, message: string): Record<string, unknown> {
  return { error: statusText(status), status, message };
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    408: "Request timeout",
    409: "Conflict",
    422: "Validation failed",
    429: "Rate limit exceeded",
    500: "Internal server error",
    501: "Not implemented",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
  };
  return texts[status] ?? `HTTP ${status}`;
}
