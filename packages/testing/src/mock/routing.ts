// Which operation of the spec a request is for: the mock's route table is the spec's paths.
import type { OperationId } from "../generated/examples.js";
import { operationSpecs } from "../generated/operations.js";
import type { OperationSpec } from "../validation/types.js";

/** The result of routing a request: an operation, a known path without that method, or nothing. */
export type RouteMatch =
  | {
      kind: "operation";
      operation: OperationSpec & { operationId: OperationId };
      pathParams: Record<string, string>;
    }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

/** One segment of a path template: literal text, or a pattern with the names it captures. */
type Segment = string | { pattern: RegExp; names: string[] };

/** `{id}`, or a template inside a segment such as `{name}.json`, as a pattern. */
function compileSegment(part: string): Segment {
  if (!part.includes("{")) {
    return part;
  }
  const names: string[] = [];
  const source = part.replace(/\{([^}]+)\}|[^{]+/g, (text, name?: string) => {
    if (name === undefined) {
      return text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    }
    names.push(name);
    return "([^/]*)";
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

const routes = operationSpecs.map((operation) => ({
  operation: operation as OperationSpec & { operationId: OperationId },
  segments: operation.path.split("/").map(compileSegment),
  templates: (operation.path.match(/\{/g) ?? []).length,
}));

/**
 * Finds the operation for a method and a path relative to the base URL. Literal paths win
 * over templated ones, as in every OpenAPI router; an empty segment still matches a
 * template, so validation can report the missing parameter (as Prism does).
 */
export function route(method: string, path: string): RouteMatch {
  const segments = path.split("/");
  const candidates = routes
    .map((r) => ({ route: r, pathParams: matchPath(r.segments, segments) }))
    .filter(
      (c): c is { route: (typeof routes)[number]; pathParams: Record<string, string> } =>
        c.pathParams !== null,
    )
    .sort((a, b) => a.route.templates - b.route.templates);
  if (candidates.length === 0) {
    return { kind: "not-found" };
  }
  const best = candidates.filter((c) => c.route.templates === candidates[0]!.route.templates);
  const hit = best.find((c) => c.route.operation.method === method.toUpperCase());
  if (!hit) {
    return { kind: "method-not-allowed", allowed: best.map((c) => c.route.operation.method) };
  }
  return { kind: "operation", operation: hit.route.operation, pathParams: hit.pathParams };
}

/** The path of a URL relative to the mock's base path: `/api/v1/x` → `/x` (other paths as they are). */
export function relativePath(url: URL, basePath: string): string {
  const path = url.pathname;
  if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) {
    return path.slice(basePath.length) || "/";
  }
  return path;
}

function matchPath(template: Segment[], segments: string[]): Record<string, string> | null {
  if (template.length !== segments.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (const [i, part] of template.entries()) {
    const segment = segments[i]!;
    if (typeof part === "string") {
      if (part !== segment) {
        return null;
      }
      continue;
    }
    const match = part.pattern.exec(segment);
    if (!match) {
      return null;
    }
    part.names.forEach((name, n) => {
      params[name] = safeDecode(match[n + 1]!);
    });
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
