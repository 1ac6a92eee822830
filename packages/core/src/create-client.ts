import createFetchClient, { type Client } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { createTransport, type Transport, type TransportOptions } from "./transport/index.js";
import { VERSION } from "./version.js";

/** The production base URL of the Kapso API. */
export const DEFAULT_BASE_URL = "https://app.kapso.ai/api/v1";

export interface CreateClientOptions extends TransportOptions {
  /** The API key sent as `X-API-Key`. */
  apiKey: string;
  /** Defaults to {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one: a mock in tests, a proxy-aware fetch, … */
  fetch?: (request: Request) => Promise<Response>;
  /** A transport made with `createTransport`, used instead of one built from these options. */
  transport?: Transport;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** A typed openapi-fetch client for the Kapso templates API. */
export type KapsoFetchClient = Client<paths, "application/json">;

/**
 * Creates a typed openapi-fetch client that sends the API key, a JSON content type and a
 * `User-Agent` with every request, through the resilient transport (`createTransport`): a
 * timeout per attempt and retries that never repeat a send the server may have acted on.
 * HTTP errors come back as `{ error, response }`; connection failures, timeouts and aborts
 * are thrown as kapsokit errors.
 *
 * @example
 * ```ts
 * import { createClient } from "@kapsokit/core";
 *
 * const api = createClient({ apiKey: process.env.KAPSO_API_KEY! });
 * const { data, error } = await api.GET("/whatsapp_templates/{template_id}", {
 *   params: { path: { template_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" } },
 * });
 * ```
 */
export function createClient(options: CreateClientOptions): KapsoFetchClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  return createFetchClient<paths>({
    baseUrl,
    fetch: options.transport ?? createTransport(options),
    headers: {
      ...options.headers,
      "X-API-Key": options.apiKey,
      "User-Agent": `kapsokit/${VERSION}`,
    },
  });
}
