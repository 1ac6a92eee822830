import { spawn } from "node:child_process";
import { join } from "node:path";
import { fixtures } from "@kapsokit/testing";
import { startPrism } from "@kapsokit/testing/prism";
import { fmt, times } from "../harness/format.js";
import { benchRoot, repoRoot } from "../harness/paths.js";
import type { Benchmark } from "../harness/section.js";
import { summarize } from "../harness/stats.js";
import {
  freePort,
  mockInNewProcess,
  mockInProcess,
  mockServer,
  prism,
  sample,
  spawnUntilAnswering,
} from "../startup.mjs";
import { mockThroughput } from "../throughput.mjs";
import { httpThroughput } from "./http-throughput.js";

const SPEC = join(repoRoot, "openapi", "kapso.yaml");
const SEND_BODY = JSON.stringify({
  template: {
    phone_number: "+14155550123",
    template_parameters: { customer_name: "Ana", order_number: "1042" },
    header_type: "text",
    header_params: "Order update",
  },
});

/** A bare node:http server started as a new process: the floor of every server row. */
async function bareServer(): Promise<number> {
  const port = await freePort();
  return spawnUntilAnswering(
    [join(benchRoot, "src", "children", "bare-http-process.mjs"), String(port)],
    `http://127.0.0.1:${port}/`,
  );
}

/** Requests per second of a send to a server started in its own process. */
async function serverThroughput(baseUrl: string, timeMs: number): Promise<number> {
  const url = `${baseUrl}/whatsapp_templates/${fixtures.orderUpdate.id}/send_template`;
  const send = () =>
    fetch(url, {
      method: "POST",
      headers: { "X-API-Key": "bench", "Content-Type": "application/json" },
      body: SEND_BODY,
    });
  await httpThroughput(send, { timeMs: Math.min(200, timeMs), concurrency: 8 }); // warm up
  return (await httpThroughput(send, { timeMs, concurrency: 8 })).requestsPerSecond;
}

/** The mock HTTP server as its own process on a free port, until `stop()`. */
async function spawnMockServer(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(benchRoot, "src", "children", "mock-server-process.mjs"), String(port)],
    {
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}/api/v1`;
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`${url}/whatsapp_templates`, { headers: { "X-API-Key": "bench" } });
      break;
    } catch (error) {
      if (tries > 500) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  return { url, stop: () => child.kill("SIGKILL") };
}

/**
 * Mock start and throughput: the in-process mock, the mock HTTP server and Prism, from start
 * to the first answered request, then requests per second of a validated send. The start-up
 * figures come from startup.mjs, which spawns and polls every server the same way.
 */
export const mockStart: Benchmark = async ({ quick, log }) => {
  const runs = quick ? 1 : 9;
  const prismRuns = 5;
  const rpsTimeMs = quick ? 50 : 2_000;
  log(`mock start: ${runs} runs each, Prism ${quick ? 1 : prismRuns}`);
  if (!quick) {
    // Warm the file system cache so the first sample is not an outlier of disk reads.
    await mockInNewProcess();
    await prism();
  }
  // [row name, chart label, samples]
  const rows: [string, string, number[]][] = [
    [
      "kapsokit mock, in process (createKapsoMock + 1 request)",
      "kapsokit mock, in process",
      (await sample(mockInProcess, quick ? 1 : 50)).samplesMs,
    ],
    [
      "kapsokit mock, new Node process (import + create + 1 request)",
      "kapsokit mock, new process",
      (await sample(mockInNewProcess, runs)).samplesMs,
    ],
    [
      "kapsokit mock HTTP server, new process",
      "kapsokit mock HTTP server",
      (await sample(mockServer, runs)).samplesMs,
    ],
    [
      "bare node:http server, new process (floor)",
      "bare node:http server",
      (await sample(bareServer, runs)).samplesMs,
    ],
    // The smoke test starts Prism once, below, and takes its start-up from that.
    [
      "Prism 5.14 (mock --errors), new process",
      "Prism 5.14",
      quick ? [] : (await sample(prism, prismRuns)).samplesMs,
    ],
  ];

  log(`mock throughput: ${rpsTimeMs} ms each`);
  const inProcess = await mockThroughput({ timeMs: rpsTimeMs });
  const inProcessSend = Object.entries(inProcess).find(([name]) => name.startsWith("send"))?.[1];
  if (!inProcessSend) {
    throw new Error("no send figure from mockThroughput");
  }
  const server = await spawnMockServer();
  let serverRps: number;
  try {
    serverRps = await serverThroughput(server.url, rpsTimeMs);
  } finally {
    server.stop();
  }
  const prismServer = await startPrism({ spec: SPEC });
  if (quick) {
    rows[4]![2].push(prismServer.startupMs);
  }
  let prismRps: number;
  try {
    prismRps = await serverThroughput(prismServer.url, rpsTimeMs);
  } finally {
    await prismServer.stop();
  }
  const start = new Map(rows.map(([name, , samples]) => [name, summarize(samples)]));
  const prismMedian = start.get(rows[4]![0])!.median;
  const rps: [string, number][] = [
    ["kapsokit mock, in process", inProcessSend.requestsPerSecond],
    ["kapsokit mock HTTP server", serverRps],
    ["Prism 5.14", prismRps],
  ];

  const inProcessMedian = start.get(rows[0]![0])!.median;
  const serverMedian = start.get(rows[2]![0])!.median;
  const bareMedian = start.get(rows[3]![0])!.median;
  return {
    id: "mock-start",
    title: "Mock start and throughput",
    method:
      "Start: from the start call to the first answered request. In process: `createKapsoMock()` and one " +
      "`mock.fetch` in a warm process. New process: a fresh `node` that imports @kapsokit/testing, creates " +
      "the mock and answers one request. Servers (the mock's HTTP server, a bare `node:http` server as the " +
      "floor of any new process, and Prism 5.14 on openapi/kapso.yaml with `--errors`) are spawned and " +
      "polled every 2 ms until they answer over HTTP, all by the same code (packages/bench/src/startup.mjs). " +
      `Throughput: validated template sends for ${rpsTimeMs} ms, in process one after another (tinybench), ` +
      "over HTTP 8 at a time to a server in its own process.",
    columns: ["mock", "start median ms", "p75 ms", "p99 ms", "MAD ms", "Prism ÷ this", "runs"],
    rows: [
      ...rows.map(([name]) => {
        const f = start.get(name)!;
        return [
          name,
          fmt(f.median),
          fmt(f.p75),
          fmt(f.p99),
          fmt(f.mad),
          times(prismMedian / f.median),
          String(f.n),
        ];
      }),
      ...rps.map(([name, value]) => [`${name}: requests/s`, fmt(value), "", "", "", "", ""]),
    ],
    targets: [
      {
        name: "mock start vs Prism (in-process mock)",
        ratio: inProcessMedian / prismMedian,
        limit: 1 / 20,
        limitText: "≤ 1/20 (20× faster)",
      },
    ],
    charts: [
      {
        title: "Mock start to first answer (median ms)",
        unit: "ms",
        bars: rows.map(([name, label]) => ({ label, value: start.get(name)!.median })),
      },
      {
        title: "Mock throughput, validated sends (requests/s)",
        unit: "req/s",
        higherIsBetter: true,
        bars: rps.map(([label, value]) => ({ label, value })),
      },
    ],
    notes: [
      `Started as a new process, the mock HTTP server answers ${times(prismMedian / serverMedian)} sooner ` +
        `than Prism; a bare \`node:http\` server started the same way needs ${fmt(bareMedian)} ms ` +
        `(${times(prismMedian / bareMedian)} sooner than Prism), so ${fmt(Math.min(bareMedian, serverMedian))} ms ` +
        `of the mock server's ${fmt(serverMedian)} ms are Node's own process start, which no mock can undercut. ` +
        "The target is checked on the in-process mock, the one a test suite uses in place of Prism.",
    ],
  };
};
