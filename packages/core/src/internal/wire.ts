// The wire format shared by `createClient` (openapi-fetch) and the `Kapso` client: base URL,
// and the API key and User-Agent headers, checked so a bad key fails once, at construction.
import { type Connection, DEFAULT_BASE_URL } from "../connection.js";
import { KapsoError } from "../errors.js";
import { VERSION } from "../version.js";

/** The base URL without a trailing slash. */
export const baseUrlOf = (connection: Connection): string =>
  (connection.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");

/**
 * Refuses a key that cannot be a header value (a line break, a NUL, a space, a non-ASCII
 * character). The message never quotes the key: a runtime's own error would.
 */
export function checkApiKey(apiKey: unknown): string {
  if (typeof apiKey !== "string" || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new KapsoError("The API key may hold only visible ASCII characters: no spaces or line breaks");
  }
  return apiKey;
}

/**
 * The headers of every request: the connection's extras, then the API key and User-Agent,
 * set last (whatever the spelling of the extras) so nothing can replace them.
 */
export function wireHeaders(connection: Connection): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(connection.headers ?? {})) {
    if (!/^(x-api-key|user-agent)$/i.test(name)) {
      headers[name] = value;
    }
  }
  headers["X-API-Key"] = checkApiKey(connection.apiKey);
  headers["User-Agent"] = `kapsokit/${VERSION}`;
  return headers;
}
