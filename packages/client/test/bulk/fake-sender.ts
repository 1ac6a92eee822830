// A sender that answers from a script, for testing the bulk engine without a client.
import {
  APIUserAbortError,
  classifyFailure,
  InternalServerError,
  RateLimitError,
  SendOutcomeUnknownError,
  UnprocessableEntityError,
} from "@kapsokit/core";
import type { BulkSender } from "../../src/internal/index.js";

export interface Recipient {
  to: string;
  templateId?: string;
}

export type Behaviour = "ok" | "reject" | "unknown" | "rate-limit-once";

export interface FakeSender extends BulkSender<Recipient, { to: string }> {
  /** Sends the server acted on, per phone. */
  readonly delivered: Map<string, number>;
  /** Sends that reached the fake at all, per phone. */
  readonly attempts: Map<string, number>;
  readonly maxInFlight: number;
}

const json = (body: unknown) => JSON.stringify(body);

export function createFakeSender(
  behaviour: (recipient: Recipient) => Behaviour = () => "ok",
  options: { latencyMs?: number; templates?: BulkSender<Recipient, unknown>["prepareTemplate"] } = {},
): FakeSender {
  const delivered = new Map<string, number>();
  const attempts = new Map<string, number>();
  const limited = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  return {
    delivered,
    attempts,
    get maxInFlight() {
      return maxInFlight;
    },
    classify: classifyFailure,
    templateOf: (recipient) => recipient.templateId,
    prepareTemplate: options.templates,
    async send(recipient, { signal }) {
      bump(attempts, recipient.to);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, options.latencyMs ?? 0);
          signal.addEventListener("abort", () => {
            clearTimeout(timer);
            // As the client does: a send aborted in flight may have been delivered.
            reject(new SendOutcomeUnknownError(new APIUserAbortError()));
          });
        });
        const what = behaviour(recipient);
        if (what === "rate-limit-once" && !limited.has(recipient.to)) {
          limited.add(recipient.to);
          throw new RateLimitError(
            429,
            { error: "Rate limit exceeded" },
            new Headers({ "Retry-After": "2" }),
          );
        }
        if (what === "reject") {
          throw new UnprocessableEntityError(422, { error: "Template requires 2 parameters" }, new Headers());
        }
        bump(delivered, recipient.to);
        if (what === "unknown") {
          throw new SendOutcomeUnknownError(new InternalServerError(500, { status: "error" }, new Headers()));
        }
        return {
          data: { to: recipient.to },
          response: new Response(json({ status: "success" }), {
            headers: { "x-request-id": `req-${recipient.to}` },
          }),
        };
      } finally {
        inFlight--;
      }
    },
  };
}

export function phones(count: number, prefix = "+1415555"): Recipient[] {
  return Array.from({ length: count }, (_, i) => ({ to: `${prefix}${String(i).padStart(4, "0")}` }));
}
