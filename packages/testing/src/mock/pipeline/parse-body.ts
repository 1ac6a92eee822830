import { isJsonMediaType } from "../../validation/request.js";
import type { Exchange, Stage } from "../exchange.js";

/**
 * The request's JSON body as the operation reads it: undefined when the operation takes none,
 * it is empty or not sent as JSON; `error` when it does not parse.
 */
export function jsonBody(exchange: Exchange): { value: unknown; error: Error | null } | undefined {
  const { operation, bodyText, request, parsed } = exchange;
  if (!operation.body || bodyText.trim() === "" || !isJsonMediaType(request.headers.get("content-type"))) {
    return undefined;
  }
  return parsed;
}

/** A JSON body is parsed before anything else, and a 400 answers one that does not parse (as Prism). */
export const parseBody: Stage = (exchange) => {
  const body = jsonBody(exchange);
  if (body?.error) {
    return { status: 400, body: { error: "Invalid JSON", status: 400, message: body.error.message } };
  }
  exchange.body = body?.value;
  return null;
};
