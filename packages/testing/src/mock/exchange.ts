// What the request pipeline and the handlers share: the request being answered, the mock's
// state, and the shape of an answer.
import type { OperationId } from "../generated/examples.js";
import type { RequestParameters } from "../validation/request.js";
import type { OperationSpec } from "../validation/types.js";
import type { FaultQueue } from "./faults.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { RecordedCall, SentMessage } from "./recording.js";
import type { TemplateStore } from "./template-store.js";

/** One request on its way through the mock, taken apart once. */
export interface Exchange {
  readonly request: Request;
  readonly url: URL;
  readonly operation: OperationSpec & { operationId: OperationId };
  readonly pathParams: Record<string, string>;
  /** The raw body text; empty when there is none. */
  readonly bodyText: string;
  /** The body parsed as JSON once; `error` when it is not JSON. */
  readonly parsed: { value: unknown; error: Error | null };
  /** The call as `mock.calls` records it; its answer is filled in when it is given. */
  readonly call: RecordedCall;
  /** Headers every answer from here on carries (the rate limiter's). */
  readonly headers: Record<string, string>;
  /** The JSON body, once the body stage has read it. */
  body: unknown;
  /** The API key the request authenticated with (the API key headers' values, joined). */
  apiKey: string;
  /** The parameters, once validated: coerced to their types, names in lower case. */
  parameters: RequestParameters;
  /** The message a send handler accepted, if any. */
  sent: SentMessage | null;
}

/** An answer: a JSON body (or, with `raw`, a body sent as it is). */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  raw?: boolean;
}

/** What the mock keeps between requests, as the pipeline and the handlers see it. */
export interface MockState {
  readonly templates: TemplateStore;
  readonly faults: FaultQueue;
  readonly limiter: RateLimiter | null;
  /** API keys the mock accepts; any non-empty key when absent. */
  readonly apiKeys: readonly string[] | undefined;
  /** Whether sends are checked against their template, as the API does. */
  readonly templateChecks: boolean;
  /** Records a message as accepted (and so as delivered to WhatsApp); returns its message id. */
  accept(message: Omit<SentMessage, "messageId">): string;
}

/** One step of the pipeline: an answer that ends the request, or null to go on. */
export type Stage = (exchange: Exchange, state: MockState) => Reply | null | Promise<Reply | null>;

/** The behaviour of one operation, once the request has passed the pipeline. */
export type Handler = (exchange: Exchange, state: MockState) => Reply;
