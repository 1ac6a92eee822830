import { type AnyFetch, GRAPH_SEND_ANSWER, KAPSO_SEND_ANSWER } from "../subjects/message.js";

const KAPSO_JSON = JSON.stringify(KAPSO_SEND_ANSWER);
const GRAPH_JSON = JSON.stringify(GRAPH_SEND_ANSWER);
const HEADERS = { "content-type": "application/json", "x-request-id": "req_bench" };

/** The JSON a send to `url` is answered with: Meta's shape on its `/messages` path, else Kapso's. */
export const answerFor = (url: string): string => (url.endsWith("/messages") ? GRAPH_JSON : KAPSO_JSON);

/**
 * A `fetch` with no network: it answers every call at once with a fresh 200 `Response`, as a
 * server would, without reading the request. What remains is each client's own work.
 */
export const inMemoryFetch: AnyFetch = async (input) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return new Response(answerFor(url), { status: 200, headers: HEADERS });
};
