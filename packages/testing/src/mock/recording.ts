import type { TemplateMessage } from "@kapsokit/core";
import type { OperationId } from "../generated/examples.js";
import type { Fault } from "./faults.js";
import type { StoredTemplate } from "./fixtures.js";

/** What a recorded header value is replaced with when it carries a credential. */
export const REDACTED = "[redacted]";

const SECRET_HEADERS = new Set(["x-api-key", "authorization", "cookie", "proxy-authorization"]);

/** One request the mock received, and what became of it. */
export interface RecordedCall {
  /** The spec's operation id, or null when no operation matched. */
  operation: OperationId | null;
  method: string;
  /** The path relative to the base URL, e.g. `/whatsapp_templates`. */
  path: string;
  url: string;
  /** Query parameters; a repeated one keeps its last value. */
  query: Record<string, string>;
  /** Lower-case header names; the API key and other credentials read `[redacted]`. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** The answer, or null when the request got none (network fault, hang, abort). */
  response: { status: number; body: unknown; headers: Record<string, string> } | null;
  /** The fault that was used on this request, if any. */
  fault: Fault["kind"] | null;
  /**
   * Every way the request breaks the spec, one sentence each; empty when it fits. Checked also
   * when a fault answered first, so a test that arms one still learns of a request the API
   * would have refused.
   */
  violations: string[];
  /** Set when the client saw no answer. */
  error: "network" | "aborted" | null;
}

/** One template message the mock accepted (and would have handed to WhatsApp). */
export interface SentMessage {
  templateId: string;
  templateName: string;
  /** The recipient, `template.phone_number`. */
  to: string;
  /** The `template` object of the send, as the client sent it. */
  template: TemplateMessage;
  /**
   * The template in the mock's store that the send was checked against, as it was then (the
   * store's methods replace a template rather than change it): what `renderMessage` shows it with.
   */
  storedTemplate: StoredTemplate;
  /** The WhatsApp message id in the 200 answer. */
  messageId: string;
  /** The request that sent it. */
  call: RecordedCall;
}

/** The headers of a request as a plain object, credentials redacted. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    result[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  });
  return result;
}
