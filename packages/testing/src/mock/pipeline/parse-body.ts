import { isJsonMediaType } from "../../validation/request.js";
import type { Stage } from "../exchange.js";

/** A JSON body is parsed before anything else, and a 400 answers one that does not parse (as Prism). */
export const parseBody: Stage = (exchange) => {
  const { operation, bodyText, request, parsed } = exchange;
  if (!operation.body || bodyText.trim() === "" || !isJsonMediaType(request.headers.get("content-type"))) {
    return null;
  }
  if (parsed.error) {
    return { status: 400, body: { error: "Invalid JSON", status: 400, message: parsed.error.message } };
  }
  exchange.body = parsed.value;
  return null;
};
