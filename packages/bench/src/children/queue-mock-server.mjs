// The mock API for the queue benchmark, in its own process: the kapsokit mock server
// (optionally with its per-minute rate limit), wrapped to note when each send arrived and to
// whom, so the parent can count duplicates, 429s and the busiest minute. Reports over IPC:
// { type: "ready", url } at start, { type: "stats", ... } when sent { cmd: "stats" }.
import { createKapsoMock, defineTemplate } from "@kapsokit/testing";
import { startMockServer } from "@kapsokit/testing/server";

const options = JSON.parse(process.argv[2] ?? "{}");
const mock = createKapsoMock({
  templates: [
    defineTemplate({
      id: "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90",
      name: "bulk_notice",
      content: "Hi {{1}}, your code is {{2}}.",
    }),
  ],
  ...(options.perMinute ? { rateLimit: { perMinute: options.perMinute } } : {}),
});
const seen = new Set();
/** @type {number[]} */
const times = [];
let duplicates = 0;
let rejected = 0;

/** @type {import("@kapsokit/testing").KapsoMock} */
const recording = {
  ...mock,
  /** @param {Request} request */
  async handle(request) {
    const send = request.method === "POST";
    const phone = send ? (await request.clone().json()).template?.phone_number : undefined;
    const response = await mock.handle(request);
    if (send && response.status === 200) {
      if (seen.has(phone)) {
        duplicates++;
      }
      seen.add(phone);
      times.push(Date.now());
    } else if (response.status === 429) {
      rejected++;
    }
    // Without a rate limit nothing needs the recording: let it go, so memory stays flat.
    if (!options.perMinute && mock.calls.length > 1_000) {
      mock.reset();
    }
    return response;
  },
};
const server = await startMockServer({ mock: recording });

/**
 * The most sends within any span of `spanMs`.
 * @param {number} spanMs
 */
function busiest(spanMs) {
  let most = 0;
  for (let end = 0, start = 0; end < times.length; end++) {
    while (/** @type {number} */ (times[end]) - /** @type {number} */ (times[start]) >= spanMs) {
      start++;
    }
    most = Math.max(most, end - start + 1);
  }
  return most;
}

const send = (/** @type {unknown} */ message) => process.send?.(message);
process.on("message", (/** @type {{ cmd?: string }} */ message) => {
  if (message.cmd !== "stats") {
    return;
  }
  send({
    type: "stats",
    received: seen.size,
    duplicates,
    rejected,
    first: times[0],
    last: times.at(-1),
    busiestMinute: busiest(60_000),
  });
});
process.on("disconnect", () => process.exit(0));
send({ type: "ready", url: server.url });
