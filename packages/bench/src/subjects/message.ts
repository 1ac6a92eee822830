// The one template message every client sends: a positional two-parameter reminder to one
// phone number. The Kapso API and the Meta Graph API (which @kapso/whatsapp-cloud-api
// speaks, through Kapso's proxy) shape it differently; the content is the same.

/** The API key every client sends; nothing checks it. */
export const API_KEY = "bench-api-key";
export const TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
export const TEMPLATE_NAME = "appointment_reminder";
export const PHONE_NUMBER = "+14155550123";
export const PARAMETERS = ["Ana", "Friday at 3 PM"];
/** The WhatsApp phone number ID @kapso/whatsapp-cloud-api sends from. */
export const PHONE_NUMBER_ID = "106540352242922";

/** A fetch as each client calls it: a `Request`, or a URL and its init. */
export type AnyFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Sends the message once and resolves with the parsed answer. */
export type Send = () => Promise<unknown>;

/** Builds a client that talks to `baseUrl` through `fetch`, and its one send. */
export type SenderFactory = (options: { fetch: AnyFetch; baseUrl: string }) => Send;

/** The Kapso API's answer to a send. */
export const KAPSO_SEND_ANSWER = {
  status: "success",
  message: "Template message sent successfully",
  template_id: TEMPLATE_ID,
  template_name: TEMPLATE_NAME,
  response: {
    messaging_product: "whatsapp",
    contacts: [{ input: PHONE_NUMBER, wa_id: "14155550123" }],
    messages: [{ id: "wamid.HBgLMTQxNTU1NTAxMjMVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA" }],
  },
};

/** The Meta Graph API's answer to a message send. */
export const GRAPH_SEND_ANSWER = KAPSO_SEND_ANSWER.response;
