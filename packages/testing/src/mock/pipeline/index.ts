// The request pipeline: the steps every routed request passes before its operation's handler,
// in the order the API (and Prism) takes them. The first step that answers ends the request.
import type { Exchange, MockState, Reply, Stage } from "../exchange.js";
import { authenticate } from "./authenticate.js";
import { parseBody } from "./parse-body.js";
import { rateLimit } from "./rate-limit.js";
import { validate } from "./validate.js";

export { abortReason, applyFault, droppedAfterAccept } from "./apply-fault.js";
export { specViolations } from "./validate.js";

/** Body that does not parse (400), credentials (401), the rate limit (429), the spec (422). */
export const stages: readonly Stage[] = [parseBody, authenticate, rateLimit, validate];

/** Runs the stages in order; the first answer ends the request, null lets it through. */
export async function runStages(exchange: Exchange, state: MockState): Promise<Reply | null> {
  for (const stage of stages) {
    const reply = await stage(exchange, state);
    if (reply) {
      return reply;
    }
  }
  return null;
}
