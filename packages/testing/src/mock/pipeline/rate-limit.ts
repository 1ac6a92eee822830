import { documentedBody } from "../answers.js";
import type { Stage } from "../exchange.js";

/**
 * Counts the request against its API key's minute. Every answer from here on carries
 * `X-RateLimit-Limit` and `X-RateLimit-Remaining`; past the limit, a 429 with `Retry-After`.
 */
export const rateLimit: Stage = (exchange, state) => {
  if (!state.limiter) {
    return null;
  }
  const decision = state.limiter.take(exchange.apiKey);
  exchange.headers["X-RateLimit-Limit"] = String(decision.limit);
  exchange.headers["X-RateLimit-Remaining"] = String(decision.remaining);
  if (decision.allowed) {
    return null;
  }
  return {
    status: 429,
    body: documentedBody(exchange.operation.operationId, 429),
    headers: { "Retry-After": String(decision.retryAfter) },
  };
};
