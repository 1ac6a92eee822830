import { APIError, type KapsoFetchClient, SendOutcomeUnknownError, type Transport } from "@kapsokit/core";
import type { RequestOptions, WithResponse } from "./types.js";

/** What a resource needs from its client. */
export interface ClientContext {
  api: KapsoFetchClient;
  transport: Transport;
  /** Removes the API key from anything a server echoed back. */
  redact<T>(value: T): T;
  /** Milliseconds a fetched template is trusted; undefined when sends are not checked. */
  templateTtl: number | undefined;
}

type Method = "GET" | "POST";
type LooseClient = Record<
  Method,
  (path: string, init: object) => Promise<{ data?: string; error?: unknown; response: Response }>
>;

/**
 * Makes one call through openapi-fetch and the transport, and turns an HTTP error into its
 * error class. A send that failed with a 5xx, or whose success answer cannot be read, may
 * have been delivered, so it becomes a {@link SendOutcomeUnknownError}.
 */
export async function request<T>(
  context: ClientContext,
  method: Method,
  path: string,
  init: object,
  { headers, validateAgainstTemplate: _, ...options }: RequestOptions = {},
): Promise<WithResponse<T>> {
  // The typed client is checked at each call site's path; this one place stays generic.
  const api = context.api as unknown as LooseClient;
  const { data, error, response } = await api[method](path, {
    ...init,
    headers,
    parseAs: "text",
    fetch: (r: Request) => context.transport(r, options),
  });
  const requestId = response.headers.get("x-request-id") ?? undefined;
  if (response.ok) {
    try {
      return { data: JSON.parse(data as string), response, requestId };
    } catch {}
  }
  const failure = APIError.from(response.status, context.redact(error ?? data), response.headers);
  throw method === "POST" && (response.ok || response.status >= 500)
    ? new SendOutcomeUnknownError(failure)
    : failure;
}
