// Reads openapi/kapso.yaml so tests compare against the spec's own examples instead of
// copies of them.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export const specPath = new URL("../../../../openapi/kapso.yaml", import.meta.url);

type Json = Record<string, unknown>;
const spec = parse(readFileSync(specPath, "utf8")) as Json;

function resolve(node: unknown): Json {
  let current = node as Json;
  while (current && typeof current.$ref === "string") {
    const path = current.$ref.replace(/^#\//, "").split("/");
    current = path.reduce<Json>((acc, key) => acc[key] as Json, spec);
  }
  return current;
}

/** Every operation in the spec with its method, path and documented statuses. */
export function operations(): { operationId: string; method: string; path: string; statuses: string[] }[] {
  const result = [];
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const operation = op as Json;
      result.push({
        operationId: operation.operationId as string,
        method: method.toUpperCase(),
        path,
        statuses: Object.keys(operation.responses as Json),
      });
    }
  }
  return result;
}

/** The JSON example the spec documents for one operation's response status. */
export function responseExample(operationId: string, status: string): unknown {
  const op = operations().find((o) => o.operationId === operationId);
  if (!op) {
    throw new Error(`no operation ${operationId}`);
  }
  const operation = (spec.paths as Json)[op.path] as Json;
  const response = resolve(((operation[op.method.toLowerCase()] as Json).responses as Json)[status]);
  const media = (response.content as Json)["application/json"] as Json;
  return media.example;
}

/** Response headers the spec documents for one operation's response status. */
export function responseHeaders(operationId: string, status: string): string[] {
  const op = operations().find((o) => o.operationId === operationId);
  if (!op) {
    throw new Error(`no operation ${operationId}`);
  }
  const operation = (spec.paths as Json)[op.path] as Json;
  const response = resolve(((operation[op.method.toLowerCase()] as Json).responses as Json)[status]);
  return Object.keys((response.headers as Json | undefined) ?? {});
}
