// Bulk send through the command line: 100,000 CSV rows against the mock HTTP server as fast
// as it goes (messages per second, peak memory of the sending process), and a run throttled
// to a rate (achieved rate over configured). Both run here, one after the other, against the
// same server. The sender is the built `kapsokit` binary in a child process, so its peak RSS
// is its own; the server runs in this process and checks that no recipient arrives twice.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { defineTemplate } from "@kapsokit/testing";
import { startMockServer } from "@kapsokit/testing/server";
import { fmt } from "./harness/format.js";
import { describeMachine } from "./harness/machine.js";
import { benchRoot } from "./harness/paths.js";
import type { Benchmark, TargetCheck } from "./harness/section.js";

const TEMPLATE = defineTemplate({
  id: "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90",
  name: "bulk_notice",
  content: "Hi {{1}}, your code is {{2}}.",
});
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

/** Writes a CSV of `rows` recipients, streaming, and returns its path. */
async function writeCsv(dir: string, name: string, rows: number, offset: number): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  out.write("phone,1,2\n");
  for (let i = 0; i < rows; i++) {
    const line = `+1${String(2_000_000_000 + offset + i)},"Customer ${i}, Esq.",code-${i}\n`;
    if (!out.write(line)) {
      await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
  return path;
}

interface BulkRun {
  rows: number;
  sent: number;
  /** The send phase as the command measured it. */
  elapsedMs: number;
  /** From spawning the process to its exit: start-up, the CSV scan and the sends. */
  wallMs: number;
  peakRssMB: number;
}

/** Runs `kapsokit send-bulk` in a child process and reads its summary and peak RSS. */
async function sendBulk(csv: string, baseUrl: string, extra: string[]): Promise<BulkRun> {
  const args = ["--import", MAX_RSS_HOOK, bin, "send-bulk", TEMPLATE.id, "--csv", csv, "--json", ...extra];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, KAPSO_API_KEY: "bench", KAPSO_BASE_URL: baseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let lastLine = "";
  let pending = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  // Only the summary (the last line) is kept: 100,000 result lines need not sit in memory.
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
  const wallMs = performance.now() - started;
  if (pending) {
    lastLine = pending;
  }
  const rss = /maxrss (\d+)/.exec(stderr);
  if (code !== 0 || !rss) {
    throw new Error(`kapsokit send-bulk exited with ${code}: ${stderr.slice(-2000)}`);
  }
  const { summary } = JSON.parse(lastLine) as { summary: { sent: number; rows: number; elapsedMs: number } };
  return {
    rows: summary.rows,
    sent: summary.sent,
    elapsedMs: summary.elapsedMs,
    wallMs,
    peakRssMB: Number(rss[1]) / 1024,
  };
}

/** The bulk-send benchmark; also writes results/bulk.json on a full run. */
export const bulkSend: Benchmark = async ({ quick, log }) => {
  // Quick (the smoke test): enough rows to exercise every step, the figures come from full runs.
  const rows = quick ? 200 : 100_000;
  // Well under what this machine sends unthrottled, so the figure is about pacing, not capacity.
  const ratePerSecond = quick ? 100 : 200;
  const throttledRows = quick ? 50 : 3_000;
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-bench-bulk-"));
  const server = await startMockServer({ templates: [TEMPLATE] });
  // Count each recipient at the server, then let the recording go, so the server's memory
  // stays flat over 100,000 calls.
  const seen = new Set<string>();
  let duplicates = 0;
  const drain = () => {
    for (const message of server.mock.sent) {
      if (seen.has(message.to)) {
        duplicates++;
      }
      seen.add(message.to);
    }
    server.mock.reset();
  };
  const timer = setInterval(drain, 250);
  try {
    log(`writing ${rows} + ${throttledRows} CSV rows`);
    const fullCsv = await writeCsv(dir, "full.csv", rows, 0);
    const throttledCsv = await writeCsv(dir, "throttled.csv", throttledRows, rows);

    log(`unthrottled: ${rows} rows`);
    const full = await sendBulk(fullCsv, server.url, ["--concurrency", "16"]);
    log(`throttled: ${throttledRows} rows at ${ratePerSecond}/s`);
    const throttled = await sendBulk(throttledCsv, server.url, [
      "--concurrency",
      "16",
      "--rate",
      `${ratePerSecond}/s`,
    ]);
    drain();

    const fullRate = (full.sent * 1000) / full.elapsedMs;
    const achieved = (throttled.sent * 1000) / throttled.elapsedMs;
    const ratio = achieved / ratePerSecond;
    const receivedAtServer = seen.size;
    if (full.sent !== rows || throttled.sent !== throttledRows) {
      throw new Error("not every row was sent");
    }
    if (receivedAtServer !== rows + throttledRows || duplicates > 0) {
      throw new Error(`the server received ${receivedAtServer} recipients with ${duplicates} duplicates`);
    }

    const targets: TargetCheck[] = [
      {
        name: `peak RSS of the sending process, ${rows.toLocaleString("en-US")} rows unthrottled`,
        ratio: full.peakRssMB / PEAK_RSS_LIMIT_MB,
        limit: 1,
        limitText: `< ${PEAK_RSS_LIMIT_MB} MB`,
      },
      {
        name: `configured rate over achieved rate (${ratePerSecond}/s)`,
        ratio: 1 / ratio,
        limit: 1 / RATE_RATIO_FLOOR,
        limitText: `achieved ≥ ${RATE_RATIO_FLOOR} of configured`,
      },
    ];
    if (!quick) {
      const results = {
        date: new Date().toISOString(),
        machine: describeMachine(),
        unthrottled: {
          rows,
          concurrency: 16,
          elapsedMs: Math.round(full.elapsedMs),
          wallMs: Math.round(full.wallMs),
          messagesPerSecond: Math.round(fullRate),
          peakRssMB: Math.round(full.peakRssMB * 10) / 10,
          peakRssLimitMB: PEAK_RSS_LIMIT_MB,
        },
        throttled: {
          rows: throttledRows,
          configuredPerSecond: ratePerSecond,
          achievedPerSecond: Math.round(achieved * 100) / 100,
          ratio: Math.round(ratio * 10_000) / 10_000,
          ratioFloor: RATE_RATIO_FLOOR,
          peakRssMB: Math.round(throttled.peakRssMB * 10) / 10,
        },
        server: { recipientsReceived: receivedAtServer, duplicates },
      };
      writeFileSync(join(benchRoot, "results", "bulk.json"), `${JSON.stringify(results, null, 2)}\n`);
    }
    return {
      id: "bulk",
      title: "Bulk send from CSV (kapsokit send-bulk)",
      method: `\`kapsokit send-bulk\` in a child process reads a CSV and sends every row to the mock HTTP server on loopback (started in the benchmark's process, which counts each recipient once): ${rows.toLocaleString("en-US")} rows with concurrency 16 and no rate, then ${throttledRows.toLocaleString("en-US")} rows throttled to ${ratePerSecond}/s. Journal and results file on, as by default. Messages per second over the send phase; peak RSS is the child's own (\`process.resourceUsage().maxRSS\`).`,
      columns: [
        "run",
        "rows",
        "messages/s",
        "send phase",
        "whole process",
        "peak RSS",
        "achieved / configured",
      ],
      rows: [
        [
          "unthrottled",
          String(rows),
          fmt(fullRate),
          `${fmt(full.elapsedMs / 1000)} s`,
          `${fmt(full.wallMs / 1000)} s`,
          `${fmt(full.peakRssMB)} MB`,
          "-",
        ],
        [
          `throttled to ${ratePerSecond}/s`,
          String(throttledRows),
          fmt(achieved),
          `${fmt(throttled.elapsedMs / 1000)} s`,
          `${fmt(throttled.wallMs / 1000)} s`,
          `${fmt(throttled.peakRssMB)} MB`,
          fmt(ratio),
        ],
      ],
      targets,
      charts: [
        {
          title: "Bulk send: messages per second",
          unit: "msg/s",
          higherIsBetter: true,
          bars: [
            { label: "unthrottled", value: fullRate },
            { label: `throttled ${ratePerSecond}/s`, value: achieved },
          ],
        },
      ],
      notes: [`The server received ${receivedAtServer.toLocaleString("en-US")} recipients, none twice.`],
    };
  } finally {
    clearInterval(timer);
    await server.close();
  }
};
