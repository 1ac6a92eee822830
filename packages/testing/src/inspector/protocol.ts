// What the inspector's server sends its page over server-sent events. Types only: the page's
// script and the server both import them, and neither pulls in the other's code.
import type { StoredTemplate } from "../mock/fixtures.js";
import type { RateLimitStatus } from "../mock/rate-limiter.js";
import type { RecordedCall } from "../mock/recording.js";

/** One request the mock received, as the page shows it. */
export interface InspectorEntry {
  /** Numbers the entries in the order the calls ended, from 1. */
  seq: number;
  /** When the call ended, in ms since the epoch. */
  at: number;
  /** The recorded call (headers redacted as in `mock.calls`), without its absolute URL. */
  call: Omit<RecordedCall, "url">;
  /** The accepted message, when the call was a send the mock accepted. */
  sent: { messageId: string; to: string; templateId: string; templateName: string } | null;
  /** For a send: the template it was checked against (the one it was sent with), if the store has it. */
  template: StoredTemplate | null;
}

/** An armed fault, as the page lists it. */
export interface InspectorFault {
  /** The fault as armed with `mock.fault()`. */
  fault: { kind: string } & Record<string, unknown>;
  /** The operations it applies to; null for all. */
  operations: string[] | null;
  /** How many more requests it fails; null for every one (`times: Infinity`). */
  remaining: number | null;
}

/** What the mock holds now, besides its calls. */
export interface InspectorState {
  rateLimit: RateLimitStatus | null;
  faults: InspectorFault[];
  /** How many calls the inspector has seen since it started or was cleared; it keeps the latest `limit`. */
  total: number;
}

/** The first event of every connection, and the one after a clear: everything at once. */
export interface InspectorSnapshot {
  /** The base URL a client sends to. */
  apiUrl: string;
  /** How many entries the inspector keeps; older ones are dropped. */
  limit: number;
  entries: InspectorEntry[];
  state: InspectorState;
}

/** The server-sent events, by event name. */
export interface InspectorEvents {
  snapshot: InspectorSnapshot;
  entry: { entry: InspectorEntry; state: InspectorState };
  state: InspectorState;
}
