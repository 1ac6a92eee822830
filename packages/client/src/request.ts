import {
  APIError,
  type Connection,
  type paths,
  SendOutcomeUnknownError,
  type Transport,
  toRequestParts,
  type WireCall,
} from "@kapsokit/core";
import type { RequestOptions, WithResponse } from "./types.js";

/** What a resource needs from its client. */
export interface ClientContext {
  connection: Connection;
  transport: Transport;
  /** Removes the API key from anything a server echoed back. */
  redact<T>(value: T): T;
  /** Milliseconds a fetched template is trusted; undefined when sends are not checked. */
  templateTtl: number | undefined;
}

/**
 * Makes one call through the transport and turns an HTTP error into its error class. A
 * send that failed with a 5xx, or whose success answer cannot be read, may have been
 * delivered, so it becomes a {@link SendOutcomeUnknownError}.
 */
export async function request<T>(
  context: ClientContext,
  method: "GET" | "POST",
  path: keyof paths,
  call: WireCall,
  { headers, validateAgainstTemplate: _, ...options }: RequestOptions = {},
): Promise<WithResponse<T>> {
  const response = await context.transport(
    toRequestParts(context.connection, method, path, { ...call, headers }),
    options,
  );
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  if (response.ok && body && typeof body === "object") {
    return { data: body as T, response, requestId: response.headers.get("x-request-id") ?? undefined };
  }
  const failure = APIError.from(response.status, context.redact(body), response.headers);
  throw method === "POST" && (response.ok || response.status >= 500)
    ? new SendOutcomeUnknownError(failure)
    : failure;
}
