// A worker in its own process, as a test drives it: the package's built worker, with a fetch
// that can stop at an exact point so the test can SIGKILL it there:
//   pauseBeforeSend: phone   the attempt is recorded, the request has not left
//   pauseAfterAnswer: phone  the server answered, the outcome is not recorded yet
// Events go to the parent over IPC; SIGTERM closes the worker gracefully.
import { startWorker } from "../../dist/index.js";

const options = JSON.parse(process.argv[2]);
const report = (message) => process.send?.(message);
const never = () => new Promise(() => {});

async function phoneOf(request) {
  try {
    return (await request.clone().json()).template?.phone_number;
  } catch {
    return undefined;
  }
}

// The client calls fetch(input, init), as the global fetch takes it.
async function fetchWithStops(input, init) {
  const request = new Request(input, init);
  const phone = request.method === "POST" ? await phoneOf(request) : undefined;
  if (phone && phone === options.pauseBeforeSend) {
    report({ type: "paused-before-send", phone });
    await never();
  }
  const response = await fetch(request);
  if (phone && phone === options.pauseAfterAnswer) {
    await response.clone().arrayBuffer();
    report({ type: "paused-after-answer", phone });
    await never();
  }
  return response;
}

const worker = await startWorker({
  redis: options.redis,
  apiKey: options.apiKey,
  client: {
    baseUrl: options.baseUrl,
    fetch: fetchWithStops,
    logLevel: "off",
    timeout: options.timeoutMs ?? 30_000,
  },
  concurrency: options.concurrency ?? 4,
  lockDurationMs: options.lockDurationMs ?? 3_000,
  stalledIntervalMs: options.stalledIntervalMs ?? 1_000,
  maxOutageMs: options.maxOutageMs ?? 60_000,
  name: options.name,
  onEvent: (event) => report(event),
});
report({ type: "ready", queueName: worker.queueName });
process.on("message", (message) => {
  if (message?.cmd === "cpu") {
    report({ type: "cpu", userMs: Math.round(process.cpuUsage().user / 1000) });
  }
});
// The test that started it is gone: end as abruptly as a killed worker would.
process.on("disconnect", () => process.exit(1));
process.on("SIGTERM", async () => {
  await worker.close();
  process.exit(0);
});
const error = await worker.stopped;
if (error) {
  report({ type: "stopped", message: error.message });
  process.exit(1);
}
