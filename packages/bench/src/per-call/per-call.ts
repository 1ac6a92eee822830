import { Bench } from "tinybench";
import { fmt, times } from "../harness/format.js";
import type { Benchmark, RunOptions, Section, TargetCheck } from "../harness/section.js";
import { KAPSO_SDK, KAPSOKIT, OPENAPI_FETCH, subjects } from "../subjects/index.js";
import type { AnyFetch } from "../subjects/message.js";
import { inMemoryFetch } from "./answers.js";
import { startLoopbackServer } from "./loopback-server.js";

interface CallFigure {
  name: string;
  /** Microseconds per send. */
  median: number;
  p75: number;
  p99: number;
  mad: number;
  samples: number;
}

/** One send per iteration through each client, all in one tinybench run. */
async function measure(
  transport: { fetch: AnyFetch; baseUrl: string },
  { quick }: RunOptions,
): Promise<CallFigure[]> {
  const bench = quick
    ? new Bench({ iterations: 5, time: 0, warmupIterations: 2, warmupTime: 0, throws: true })
    : new Bench({ time: 1_500, warmupTime: 300, throws: true });
  for (const subject of subjects) {
    const send = subject.createSender(transport);
    await send(); // fails loudly here if a client cannot talk to this transport
    bench.add(subject.name, send);
  }
  await bench.run();
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}`);
    const { p50, p75, p99, mad, samplesCount } = result.latency;
    // tinybench reports milliseconds; a call costs microseconds.
    return {
      name: task.name,
      median: p50 * 1e3,
      p75: p75 * 1e3,
      p99: p99 * 1e3,
      mad: mad * 1e3,
      samples: samplesCount,
    };
  });
}

const byName = (figures: CallFigure[], name: string): CallFigure => {
  const figure = figures.find((f) => f.name === name);
  if (!figure) throw new Error(`no figure for ${name}`);
  return figure;
};

/**
 * Per-call overhead: the same template send through each client against an in-memory
 * `fetch` (the client's own cost) and against an HTTP server on loopback (with the network
 * stack of Node's `fetch`).
 */
export const perCall: Benchmark = async (options) => {
  options.log("per-call: in-memory fetch");
  const memory = await measure({ fetch: inMemoryFetch, baseUrl: "https://app.kapso.ai/api/v1" }, options);
  options.log("per-call: loopback HTTP server");
  const server = await startLoopbackServer();
  let loopback: CallFigure[];
  try {
    loopback = await measure({ fetch: globalThis.fetch, baseUrl: server.url }, options);
  } finally {
    await server.close();
  }

  const rows: string[][] = [];
  for (const [where, figures] of [
    ["in-memory fetch", memory],
    ["loopback HTTP", loopback],
  ] as const) {
    const ours = byName(figures, KAPSOKIT).median;
    for (const f of figures) {
      rows.push([
        where,
        f.name,
        fmt(f.median),
        fmt(f.p75),
        fmt(f.p99),
        fmt(f.mad),
        times(f.median / ours),
        String(f.samples),
      ]);
    }
  }

  const ours = byName(memory, KAPSOKIT).median;
  const targets: TargetCheck[] = [
    {
      name: "per-call overhead (in-memory fetch) vs @kapso/whatsapp-cloud-api",
      ratio: ours / byName(memory, KAPSO_SDK).median,
      limit: 1,
      limitText: "≤ 1× (no slower)",
    },
    {
      name: "per-call overhead (in-memory fetch) vs openapi-fetch direct",
      ratio: ours / byName(memory, OPENAPI_FETCH).median,
      limit: 1.15,
      limitText: "≤ 1.15× (within 15%)",
    },
  ];

  const section: Section = {
    id: "per-call",
    title: "Per-call overhead",
    method:
      "One template send per iteration through each client (kapsokit with its defaults: two retries, " +
      "a timeout per attempt, input validation), measured with tinybench in one run: against an " +
      "in-memory `fetch` that answers at once without reading the request (the client's own work), and " +
      "against a Node `http` server on 127.0.0.1 reached with Node's global `fetch`. " +
      "@kapso/whatsapp-cloud-api takes the same `fetch` through its `fetch` option and sends through " +
      "Kapso's proxy path. Times in µs per send; MAD = median absolute deviation; " +
      "× kapsokit = median over kapsokit's median in the same setting.",
    columns: ["setting", "client", "median µs", "p75 µs", "p99 µs", "MAD µs", "× kapsokit", "samples"],
    rows,
    targets,
    charts: [
      {
        title: "Per-call overhead, in-memory fetch (median µs per send)",
        unit: "µs",
        bars: memory.map((f) => ({ label: f.name, value: f.median })),
      },
      {
        title: "Per-call, loopback HTTP (median µs per send)",
        unit: "µs",
        bars: loopback.map((f) => ({ label: f.name, value: f.median })),
      },
    ],
    notes: [],
  };
  return section;
};
