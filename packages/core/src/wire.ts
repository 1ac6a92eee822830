// The wire format shared by `createClient` (openapi-fetch) and the `Kapso` client: base URL,
// auth and User-Agent headers, and for the client a Request built without openapi-fetch,
// so its bundle carries only what its three operations need.
import type { paths } from "./generated/schema.js";
import type { RequestParts } from "./transport/create-transport.js";
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

/**
 * The headers of every request: the connection's extras, then the call's, then the API key and
 * User-Agent, set last (whatever the spelling of the extras) so nothing can replace them.
 */
export function wireHeaders(connection: Connection, extra?: Record<string, string>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries({ ...connection.headers, ...extra })) headers.set(name, value);
  headers.set("X-API-Key", connection.apiKey);
  headers.set("User-Agent", `kapsokit/${VERSION}`);
  return headers;
}

/**
 * The parts of one operation's request: path parameters filled in, query parameters
 * (skipping undefined ones), the JSON body and the headers. The transport turns them into
 * one `Request` per attempt.
 *
 * @example
 * ```ts
 * const parts = toRequestParts({ apiKey }, "GET", "/whatsapp_templates", {
 *   query: { per_page: 50, q: { status_eq: "approved" } },
 * });
 * const response = await createTransport()(parts);
 * ```
 */
export function toRequestParts(
  connection: Connection,
  method: string,
  path: keyof paths,
  call: WireCall = {},
): RequestParts {
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
  const headers = wireHeaders(connection, call.headers);
  const json = call.body !== undefined;
  if (json) headers.set("Content-Type", "application/json");
  return { url: url.href, method, headers, body: json ? JSON.stringify(call.body) : undefined };
}

/**
 * Builds the `Request` of one operation (see {@link toRequestParts}).
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
  call?: WireCall,
): Request {
  const { url, ...init } = toRequestParts(connection, method, path, call);
  return new Request(url, init);
}
