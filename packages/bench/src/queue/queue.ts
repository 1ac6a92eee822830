// Campaigns through Redis: `kapsokit send-bulk --queue` coordinating `kapsokit worker`
// processes, against the mock server on loopback. 100,000 recipients through one worker and
// through three, as fast as they go (messages per second, Redis's peak memory, the
// coordinator's peak RSS), then three workers held to a rate for a few minutes (the rate
// achieved over the rate configured, and the busiest minute against the limit). Each run has
// a fresh Redis (so its peak memory is its own) and fresh workers.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fmt } from "../harness/format.js";
import { describeMachine } from "../harness/machine.js";
import { benchRoot } from "../harness/paths.js";
import type { Benchmark, TargetCheck } from "../harness/section.js";
import { startRedis } from "./redis.js";

const TEMPLATE_ID = "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90";
const PEAK_RSS_LIMIT_MB = 150;
const RATE_RATIO_FLOOR = 0.98;

// Printed by the child as it exits: its peak resident set size, in kB.
const MAX_RSS_HOOK =
  'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>writeSync(2,"\\nmaxrss "+process.resourceUsage().maxRSS+"\\n"))';

const bin = join(
  dirname(createRequire(join(benchRoot, "package.json")).resolve("@kapsokit/cli/package.json")),
  "dist",
  "bin.js",
);
// The mock server child is plain JavaScript beside the other children; found from the
// package root, so this works from src/ (vitest) and from the compiled runner in .out/.
const mockServerScript = join(benchRoot, "src", "children", "queue-mock-server.mjs");

interface ServerStats {
  received: number;
  duplicates: number;
  rejected: number;
  first: number;
  last: number;
  busiestMinute: number;
}

async function startServer(perMinute?: number) {
  const child = fork(mockServerScript, [JSON.stringify({ perMinute })], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [ready] = (await once(child, "message")) as [{ url: string }];
  return {
    url: ready.url,
    async stats(): Promise<ServerStats> {
      const reply = once(child, "message");
      child.send({ cmd: "stats" });
      return ((await reply) as [ServerStats])[0];
    },
    async stop() {
      child.kill("SIGKILL");
      await once(child, "exit");
    },
  };
}

async function writeCsv(path: string, rows: number, offset: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("phone,1,2\n");
  for (let i = 0; i < rows; i++) {
    if (!out.write(`+1${String(3_000_000_000 + offset + i)},Customer ${i},code-${i}\n`)) {
      await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
}

function startWorkers(count: number, env: NodeJS.ProcessEnv): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const child = spawn(process.execPath, [bin, "worker", "--queue", "env", "--concurrency", "32"], {
        env,
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
      });
      while (!stderr.includes("stop with Ctrl-C")) {
        if (child.exitCode !== null) {
          throw new Error(`kapsokit worker exited: ${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return child;
    }),
  );
}

interface CampaignRun {
  workers: number;
  rows: number;
  sent: number;
  messagesPerSecond: number;
  elapsedMs: number;
  redisPeakMB: number;
  coordinatorPeakRssMB: number;
  server: ServerStats;
}

/** One campaign: a fresh Redis, `workers` workers, the coordinator in a child process. */
async function runCampaign(
  dir: string,
  name: string,
  rows: number,
  workers: number,
  offset: number,
  rate?: { perMinute: number; serverPerMinute: number },
): Promise<CampaignRun> {
  const csv = join(dir, `${name}.csv`);
  await writeCsv(csv, rows, offset);
  const [redis, server] = await Promise.all([startRedis(), startServer(rate?.serverPerMinute)]);
  const env = {
    ...process.env,
    KAPSO_API_KEY: "bench",
    KAPSO_BASE_URL: server.url,
    KAPSO_QUEUE_URL: redis.url,
  };
  const running = await startWorkers(workers, env);
  try {
    const args = [
      "--import",
      MAX_RSS_HOOK,
      bin,
      "send-bulk",
      TEMPLATE_ID,
      "--csv",
      csv,
      "--queue",
      "env",
      "--json",
    ];
    args.push(
      "--max-in-flight",
      "64",
      "--window",
      "2000",
      ...(rate ? ["--rate", `${rate.perMinute}/min`] : []),
    );
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let lastLine = "";
    let pending = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    // Only the summary (the last line) is kept: a line per recipient need not sit in memory.
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line) {
          lastLine = line;
        }
      }
    });
    const [code] = (await once(child, "close")) as [number | null];
    if (pending) {
      lastLine = pending;
    }
    const rss = /maxrss (\d+)/.exec(stderr);
    if (code !== 0 || !rss) {
      throw new Error(`kapsokit send-bulk --queue exited with ${code}: ${stderr.slice(-2000)}`);
    }
    const { summary } = JSON.parse(lastLine) as { summary: { sent: number; elapsedMs: number } };
    return {
      workers,
      rows,
      sent: summary.sent,
      elapsedMs: summary.elapsedMs,
      messagesPerSecond: (summary.sent * 1000) / summary.elapsedMs,
      redisPeakMB: redis.peakMemoryMB(),
      coordinatorPeakRssMB: Number(rss[1]) / 1024,
      server: await server.stats(),
    };
  } finally {
    for (const worker of running) {
      worker.kill("SIGKILL");
    }
    await Promise.all([redis.stop(), server.stop()]);
  }
}

/** The queue benchmark; also writes results/queue.json on a full run. */
export const queueCampaigns: Benchmark = async ({ quick, log }) => {
  const rows = quick ? 200 : 100_000;
  // A rate well within what three workers sustain here, held long enough to measure.
  const perMinute = quick ? 3_000 : 6_000;
  const throttledRows = quick ? 60 : 18_000;
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-bench-queue-"));

  log(`1 worker: ${rows} recipients, unthrottled`);
  const one = await runCampaign(dir, "one-worker", rows, 1, 0);
  log(`3 workers: ${rows} recipients, unthrottled`);
  const three = await runCampaign(dir, "three-workers", rows, 3, rows);
  log(`3 workers: ${throttledRows} recipients at ${perMinute}/min`);
  // The server allows a few requests more than the rate: the template reads (one per
  // worker, one by the coordinator) count against its limit too, and are not sends.
  const held = await runCampaign(dir, "throttled", throttledRows, 3, 2 * rows, {
    perMinute,
    serverPerMinute: perMinute + 10,
  });

  for (const run of [one, three, held]) {
    if (run.sent !== run.rows || run.server.received !== run.rows || run.server.duplicates > 0) {
      throw new Error(
        `${run.workers} workers: sent ${run.sent} of ${run.rows}, the server received ${run.server.received} with ${run.server.duplicates} duplicates`,
      );
    }
  }
  const spanMs = held.server.last - held.server.first;
  const achievedPerMinute = spanMs > 0 ? ((held.server.received - 1) * 60_000) / spanMs : 0;
  const ratio = achievedPerMinute / perMinute;
  const windowsOver = held.server.busiestMinute > perMinute ? 1 : 0;
  const peakRss = Math.max(one.coordinatorPeakRssMB, three.coordinatorPeakRssMB);

  const targets: TargetCheck[] = [
    {
      name: `peak RSS of the coordinator, ${rows.toLocaleString("en-US")} recipients through the queue`,
      ratio: peakRss / PEAK_RSS_LIMIT_MB,
      limit: 1,
      limitText: `< ${PEAK_RSS_LIMIT_MB} MB`,
    },
    {
      name: `configured rate over achieved rate, 3 workers (${perMinute}/min)`,
      ratio: 1 / ratio,
      limit: 1 / RATE_RATIO_FLOOR,
      limitText: `achieved ≥ ${RATE_RATIO_FLOOR} of configured`,
    },
    {
      name: "busiest minute over the limit, 3 workers",
      ratio: held.server.busiestMinute / perMinute,
      limit: 1,
      limitText: "≤ 1 (no minute over)",
    },
  ];
  if (!quick) {
    const results = {
      date: new Date().toISOString(),
      machine: describeMachine(),
      runs: [one, three, held].map(({ server, ...run }) => ({ ...run, server })),
      throttled: {
        perMinute,
        achievedPerMinute: Math.round(achievedPerMinute * 10) / 10,
        ratio,
        windowsOver,
      },
    };
    writeFileSync(join(benchRoot, "results", "queue.json"), `${JSON.stringify(results, null, 2)}\n`);
  }
  const row = (label: string, run: CampaignRun, rateCells: string[]) => [
    label,
    String(run.workers),
    String(run.rows),
    fmt(run.messagesPerSecond),
    `${fmt(run.elapsedMs / 1000)} s`,
    `${fmt(run.redisPeakMB)} MB`,
    `${fmt(run.coordinatorPeakRssMB)} MB`,
    ...rateCells,
  ];
  return {
    id: "queue",
    title: "Campaigns through Redis (kapsokit send-bulk --queue, kapsokit worker)",
    method: `\`kapsokit send-bulk --queue\` (the coordinator, in a child process) reads a CSV and hands every row to \`kapsokit worker\` processes (concurrency 32 each) through BullMQ on a fresh \`redis-server\` (append-only file, \`appendfsync always\`), with at most 64 sends in flight and 2,000 jobs waiting; the workers send to the kapsokit mock server in its own process, which counts each recipient and notes when each send arrived. ${rows.toLocaleString("en-US")} recipients through 1 worker, then through 3, unthrottled; then ${throttledRows.toLocaleString("en-US")} recipients through 3 workers held to \`--rate ${perMinute}/min\` (the mock server enforcing ${perMinute + 10} requests a minute, the template reads included). Messages per second over the campaign as the coordinator measured it; Redis's peak memory is \`used_memory_peak\`; peak RSS is the coordinator's own. The achieved rate is the server's: sends after the first over the time from the first to the last; the busiest minute is the most sends the server saw in any 60-second span.`,
    columns: [
      "run",
      "workers",
      "recipients",
      "messages/s",
      "campaign",
      "Redis peak memory",
      "coordinator peak RSS",
      "achieved / configured",
      "minutes over the limit",
    ],
    rows: [
      row("unthrottled", one, ["-", "-"]),
      row("unthrottled", three, ["-", "-"]),
      row(`held to ${perMinute}/min`, held, [fmt(ratio), String(windowsOver)]),
    ],
    targets,
    charts: [
      {
        title: "Campaigns through Redis: messages per second",
        unit: "msg/s",
        higherIsBetter: true,
        bars: [
          { label: "1 worker", value: one.messagesPerSecond },
          { label: "3 workers", value: three.messagesPerSecond },
          { label: `3 workers, ${perMinute}/min`, value: held.messagesPerSecond },
        ],
      },
    ],
    notes: [
      `The server received ${(one.rows + three.rows + held.rows).toLocaleString("en-US")} recipients, none twice, and answered 429 ${one.server.rejected + three.server.rejected + held.server.rejected} times. Held to ${perMinute}/min, the busiest minute had ${held.server.busiestMinute} sends.`,
    ],
  };
};
