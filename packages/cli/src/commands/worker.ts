// `kapsokit worker`: sends the campaigns of one API key that coordinators put in Redis, until
// SIGTERM or Ctrl-C (then it finishes the sends in flight and exits 0).
import type { WorkerEvent } from "@kapsokit/queue";
import { parseCommand, wholeNumber } from "../args.js";
import { baseUrlOf } from "../client.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { openQueueModule } from "../queue/load-queue.js";

export const WORKER_HELP = `Usage: kapsokit worker [--queue <redis-url>] [options]

Takes the send jobs of the API key in KAPSO_API_KEY from Redis and sends them, one attempt
each: before a request leaves, its attempt is recorded in Redis, so no recipient is ever
messaged twice, whatever dies. Run one or more per machine, as many machines as you like.
Stop it with SIGTERM or Ctrl-C: it takes nothing new and finishes the sends in flight; a
second signal aborts those (they are reported unknown). A worker killed outright leaves its
sends in flight to be reported unknown once its lock lapses (--lock-duration).

  --queue <url>            redis://[user:password@]host:port[/db], rediss:// for TLS, or
                           "env"; without it, KAPSO_QUEUE_URL
  --concurrency <n>        jobs this worker runs at once (default 8; the campaign's
                           --max-in-flight bounds all workers of the key together)
  --lock-duration <s>      seconds a job stays locked without renewal (default 30)
  --max-outage <s>         seconds Redis may be away before the worker gives up (default 300)
  --base-url <url>         the API's base URL (default KAPSO_BASE_URL, then the Kapso API)
  --json                   one JSON line per event instead of a summary every 10 seconds

Exit codes: 0 stopped, 1 Redis stayed away too long, 2 bad usage, API key or Redis
(a wrong password, settings BullMQ cannot work with), 130 stopped by a second signal.
`;

const SUMMARY_EVERY_MS = 10_000;

export async function worker(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("worker", args, {
    queue: { type: "string" },
    concurrency: { type: "string" },
    "lock-duration": { type: "string" },
    "max-outage": { type: "string" },
  });
  if (values.help) {
    io.stdout.write(WORKER_HELP);
    return EXIT.ok;
  }
  if (positionals.length) {
    throw new UsageError(`unexpected argument "${positionals[0]}"`);
  }
  const concurrency = wholeNumber("concurrency", values.concurrency, 1, 1_000) ?? 8;
  const lockSeconds = wholeNumber("lock-duration", values["lock-duration"], 1, 3_600) ?? 30;
  const outageSeconds = wholeNumber("max-outage", values["max-outage"], 1, 86_400) ?? 300;
  const apiKey = io.env.KAPSO_API_KEY?.trim();
  if (!apiKey) {
    throw new UsageError("no API key: set KAPSO_API_KEY (the worker sends with it; it never goes to Redis)");
  }
  const baseUrl = baseUrlOf(io, values["base-url"]);
  const { queue, redis } = await openQueueModule(values.queue, io.env);

  const json = values.json === true;
  const counts: Record<string, number> = {};
  let changed = false;
  const onEvent = (event: WorkerEvent) => {
    if (json) {
      io.stdout.write(`${JSON.stringify(event)}\n`);
      return;
    }
    if (event.type === "job") {
      counts[event.result] = (counts[event.result] ?? 0) + 1;
      changed = true;
    } else {
      io.stderr.write(`${event.type === "error" ? "error: " : ""}${event.message}\n`);
    }
  };
  const summary = () => {
    if (!changed || json) {
      return;
    }
    changed = false;
    const parts = Object.entries(counts).map(([result, n]) => `${result} ${n}`);
    io.stdout.write(`${new Date().toISOString()} ${parts.join(" · ")}\n`);
  };
  const running = await queue.startWorker({
    redis,
    apiKey,
    client: {
      baseUrl,
      fetch: io.fetch,
      logLevel: "off",
    },
    concurrency,
    lockDurationMs: lockSeconds * 1_000,
    stalledIntervalMs: Math.max(1_000, (lockSeconds * 1_000) / 2),
    maxOutageMs: outageSeconds * 1_000,
    onEvent,
  });
  const started = `worker for queue ${running.queueName} on ${queue.parseRedisUrl(redis).display}, concurrency ${concurrency}`;
  if (json) {
    io.stdout.write(`${JSON.stringify({ type: "ready", queue: running.queueName, concurrency })}\n`);
  } else {
    io.stderr.write(`${started}; stop with Ctrl-C or SIGTERM\n`);
  }
  const timer = setInterval(summary, SUMMARY_EVERY_MS);
  const onStop = () => {
    if (!json) {
      io.stderr.write("stopping: taking no new job, finishing the sends in flight\n");
    }
    void running.close();
  };
  const onAbort = () => void running.close({ force: true });
  io.stop?.addEventListener("abort", onStop, { once: true });
  io.abort?.addEventListener("abort", onAbort, { once: true });
  if (io.stop?.aborted) {
    onStop();
  }
  try {
    const lost = await running.stopped;
    summary();
    if (lost) {
      io.stderr.write(`kapsokit: ${lost.message}; the worker stopped\n`);
      return EXIT.failed;
    }
    if (json) {
      io.stdout.write(`${JSON.stringify({ type: "stopped" })}\n`);
    } else {
      io.stderr.write("worker stopped\n");
    }
    return io.abort?.aborted ? EXIT.interrupted : EXIT.ok;
  } finally {
    clearInterval(timer);
    io.stop?.removeEventListener("abort", onStop);
    io.abort?.removeEventListener("abort", onAbort);
  }
}
