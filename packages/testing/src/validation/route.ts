import type { OperationId } from "../generated/examples.js";
import { operationSpecs } from "../generated/validators.js";
import type { OperationSpec } from "./types.js";

/** The result of routing a request: an operation, a known path without that method, or nothing. */
export type RouteMatch =
  | {
      kind: "operation";
      operation: OperationSpec & { operationId: OperationId };
      pathParams: Record<string, string>;
    }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

/**
 * Finds the operation for a method and a path relative to the base URL. Literal paths win
 * over templated ones, as in every OpenAPI router; an empty segment still matches a
 * template, so validation can report the missing parameter (as Prism does).
 */
export function route(method: string, path: string): RouteMatch {
  const segments = path.split("/");
  const candidates = operationSpecs
    .map((operation) => ({ operation, pathParams: matchPath(operation.path, segments) }))
    .filter(
      (c): c is { operation: OperationSpec; pathParams: Record<string, string> } => c.pathParams !== null,
    )
    .sort((a, b) => templateCount(a.operation.path) - templateCount(b.operation.path));
  if (candidates.length === 0) return { kind: "not-found" };
  const bestTemplates = templateCount(candidates[0]!.operation.path);
  const best = candidates.filter((c) => templateCount(c.operation.path) === bestTemplates);
  const hit = best.find((c) => c.operation.method === method.toUpperCase());
  if (!hit) return { kind: "method-not-allowed", allowed: best.map((c) => c.operation.method) };
  return {
    kind: "operation",
    operation: hit.operation as OperationSpec & { operationId: OperationId },
    pathParams: hit.pathParams,
  };
}

function templateCount(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}

function matchPath(template: string, segments: string[]): Record<string, string> | null {
  const parts = template.split("/");
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i]!;
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (name) params[name] = safeDecode(segment);
    else if (part !== segment) return null;
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
