// The wire format shared by `createClient` (openapi-fetch) and the `Kapso` client: base URL,
// auth and User-Agent headers, and for the client a Request built without openapi-fetch,
// so its bundle carries only what its three operations need.
import type { paths } from "./generated/schema.js";
import { VERSION } from "./version.js";

/** The production base URL of the Kapso API. */
export const DEFAULT_BASE_URL = "https://app.kapso.ai/api/v1";

/** Where and as whom requests are sent. */
export interface Connection {
  /** The API key sent as `X-API-Key`. */
  apiKey: string;
  /** Defaults to {@link DEFAULT_BASE_URL}. */
  baseUrl?: string | undefined;
  /** Extra headers sent with every request; they cannot replace the API key or User-Agent. */
  headers?: Record<string, string> | undefined;
}

/** One operation's parameters in wire form. */
export interface WireCall {
  /** Values for `{name}` segments of the path. */
  path?: Record<string, string>;
  /** Query parameters; an object value becomes `name[key]=value` pairs (`q[status_eq]=approved`). */
  query?: Record<string, unknown>;
  /** Sent as JSON. */
  body?: unknown;
  /** Extra headers for this request. */
  headers?: Record<string, string> | undefined;
}

/** The base URL without a trailing slash. */
export const baseUrlOf = (connection: Connection): string =>
  (connection.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");

/** The headers of every request: extras first, so they cannot replace the key or User-Agent. */
export const wireHeaders = (
  connection: Connection,
  extra?: Record<string, string>,
): Record<string, string> => ({
  ...connection.headers,
  ...extra,
  "X-API-Key": connection.apiKey,
  "User-Agent": `kapsokit/${VERSION}`,
});

/**
 * Builds the `Request` of one operation: path parameters filled in, query parameters
 * (skipping undefined ones), the JSON body and the headers.
 *
 * @example
 * ```ts
 * const request = toRequest({ apiKey }, "GET", "/whatsapp_templates", {
 *   query: { per_page: 50, q: { status_eq: "approved" } },
 * });
 * ```
 */
export function toRequest(
  connection: Connection,
  method: string,
  path: keyof paths,
  call: WireCall = {},
): Request {
  const url = new URL(
    baseUrlOf(connection) +
      path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.path?.[name] ?? "")),
  );
  const add = (name: string, value: unknown) =>
    value !== undefined && url.searchParams.append(name, `${value}`);
  for (const [name, value] of Object.entries(call.query ?? {})) {
    if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) add(`${name}[${key}]`, inner);
    } else add(name, value);
  }
  const json = call.body !== undefined;
  return new Request(url, {
    method,
    headers: {
      ...wireHeaders(connection, call.headers),
      ...(json && { "Content-Type": "application/json" }),
    },
    body: json ? JSON.stringify(call.body) : undefined,
  });
}
