import createFetchClient, { type Client } from "openapi-fetch";
import type { Connection } from "./connection.js";
import type { paths } from "./generated/schema.js";
import { baseUrlOf, wireHeaders } from "./internal/wire.js";
import { createTransport, type Transport, type TransportOptions } from "./transport/index.js";

export interface CreateClientOptions extends TransportOptions, Connection {
  /** A transport made with `createTransport`, used instead of one built from these options. */
  transport?: Transport;
}

/** A typed openapi-fetch client for the Kapso templates API. */
export type KapsoFetchClient = Client<paths, "application/json">;

/**
 * Creates a typed openapi-fetch client that sends the API key, a JSON content type and a
 * `User-Agent` with every request, through the resilient transport (`createTransport`): a
 * timeout per attempt that covers the whole answer, no redirects, and retries that never
 * repeat a send the server may have acted on. HTTP errors come back as `{ error, response }`;
 * connection failures, timeouts, aborts and redirects are thrown as kapsokit errors.
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
  const headers = wireHeaders(options);
  return createFetchClient<paths>({
    baseUrl: baseUrlOf(options),
    fetch: options.transport ?? createTransport(options),
    headers,
  });
}
