// `@kapsokit/core/internal`: what kapsokit's own packages share. Not public API: it may change
// in any release. See README.md beside this file.
export type { Answer, Caller } from "../transport/create-transport.js";
export { createCaller, transportOptionsOf } from "../transport/create-transport.js";

import { loadFailure } from "../transport/load-failure.js";

export type { Call } from "../transport/attempt.js";
export { MAX_TIMER } from "../transport/timers.js";
export { E164, normalisePhone } from "./phone.js";
export { placeholders, splitPlaceholders } from "./placeholders.js";
export { parseRetryAfter } from "./retry-after.js";
export { baseUrlOf, checkApiKey, wireHeaders } from "./wire.js";

/**
 * An answer's body and headers without the API key (see `facts.ts`); in a browser, the
 * redaction is loaded with the first failure.
 */
export const redactAnswer = async (
  apiKey: string,
  body: unknown,
  headers: Headers,
): Promise<{ body: unknown; headers: Headers }> => (await loadFailure()).redactAnswer(apiKey, body, headers);
