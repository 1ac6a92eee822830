import { Bench } from "tinybench";
import { API_KEY, PARAMETERS, PHONE_NUMBER, TEMPLATE_ID } from "../subjects/message.js";

const URL_ = `https://app.kapso.ai/api/v1/whatsapp_templates/${TEMPLATE_ID}/send_template`;
const HEADERS = { "X-API-Key": API_KEY, "Content-Type": "application/json" };
const BODY = JSON.stringify({ template: { phone_number: PHONE_NUMBER, template_parameters: PARAMETERS } });

/**
 * What the building blocks of a send cost on this Node, in µs: the `Request` objects and
 * signals that a client may build before `fetch` sees the call. They explain most of the
 * gaps between clients against an in-memory `fetch`.
 */
export async function requestCosts({ quick }: { quick: boolean }): Promise<Record<string, number>> {
  const bench = quick
    ? new Bench({ iterations: 5, time: 0, warmupIterations: 2, warmupTime: 0, throws: true })
    : new Bench({ time: 500, warmupTime: 100, throws: true });
  bench
    .add("new Request(url, init)", () => {
      new Request(URL_, { method: "POST", headers: HEADERS, body: BODY });
    })
    .add("new Request(url, init) with an AbortSignal", () => {
      new Request(URL_, {
        method: "POST",
        headers: HEADERS,
        body: BODY,
        signal: new AbortController().signal,
      });
    })
    .add("Request, its body read back, and a second Request with an AbortSignal", async () => {
      const request = new Request(URL_, { method: "POST", headers: HEADERS, body: BODY });
      const body = await request.arrayBuffer();
      new Request(request, { body, signal: new AbortController().signal });
    });
  await bench.run();
  return Object.fromEntries(
    bench.tasks.map((task) => {
      const result = task.result;
      if (result.state !== "completed") {
        throw new Error(`${task.name}: ${result.state}`);
      }
      return [task.name, result.latency.p50 * 1e3];
    }),
  );
}
