import { apiKeyOf, hasCredentials } from "../../validation/request.js";
import { documentedBody } from "../answers.js";
import type { Stage } from "../exchange.js";

/** A 401 for a request without the credentials the operation asks for, or with a key the mock does not accept. */
export const authenticate: Stage = (exchange, state) => {
  const { operation, request, url } = exchange;
  exchange.apiKey = apiKeyOf(operation, request.headers);
  const known = !state.apiKeys || state.apiKeys.includes(exchange.apiKey);
  if (hasCredentials(operation, request.headers, url.searchParams) && known) {
    return null;
  }
  return { status: 401, body: documentedBody(operation.operationId, 401) };
};
