// Requests per second the in-process mock answers (validation, store, recording included).
import { createKapsoMock, fixtures } from "@kapsokit/testing";
import { Bench } from "tinybench";

/**
 * @param {{ timeMs: number }} options
 * @returns {Promise<Record<string, { requestsPerSecond: number, meanLatencyMs: number, samples: number }>>}
 */
export async function mockThroughput({ timeMs }) {
  const mock = createKapsoMock();
  const url = `${mock.baseUrl}/whatsapp_templates/${fixtures.orderUpdate.id}/send_template`;
  const body = JSON.stringify({
    template: {
      phone_number: "+14155550123",
      template_parameters: { customer_name: "Ana", order_number: "1042" },
      header_type: "text",
      header_params: "Order update",
    },
  });
  // Keep memory flat: the recording would otherwise grow for the whole run.
  let requests = 0;
  const forgetNowAndThen = () => {
    requests += 1;
    if (requests % 10_000 === 0) {
      mock.reset();
    }
  };
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(200, timeMs) });
  bench
    .add("send (POST, validated, recorded)", async () => {
      const response = await mock.fetch(url, {
        method: "POST",
        headers: { "X-API-Key": "bench", "Content-Type": "application/json" },
        body,
      });
      await response.arrayBuffer();
      forgetNowAndThen();
    })
    .add("list (GET, page of 20)", async () => {
      const response = await mock.fetch(`${mock.baseUrl}/whatsapp_templates?per_page=20`, {
        headers: { "X-API-Key": "bench" },
      });
      await response.arrayBuffer();
      forgetNowAndThen();
    });
  await bench.run();
  /** @type {Record<string, { requestsPerSecond: number, meanLatencyMs: number, samples: number }>} */
  const result = {};
  for (const task of bench.tasks) {
    const r = task.result;
    if (r.state !== "completed") {
      throw new Error(`${task.name}: ${r.state}`);
    }
    result[task.name] = {
      requestsPerSecond: Math.round(r.throughput.mean),
      meanLatencyMs: Math.round(r.latency.mean * 10_000) / 10_000,
      samples: r.latency.samples?.length ?? 0,
    };
  }
  return result;
}
