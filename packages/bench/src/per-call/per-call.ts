import { Bench } from "tinybench";
import { fmt, times } from "../harness/format.js";
import type { Benchmark, RunOptions, Section, TargetCheck } from "../harness/section.js";
import { summarize } from "../harness/stats.js";
import { KAPSO_SDK, KAPSOKIT, OPENAPI_FETCH, subjects } from "../subjects/index.js";
import type { AnyFetch } from "../subjects/message.js";
import { inMemoryFetch } from "./answers.js";
import { startLoopbackServer } from "./loopback-server.js";
import { requestCosts } from "./request-costs.js";

interface CallFigure {
  name: string;
  /** Microseconds per send. */
  median: number;
  p75: number;
  p99: number;
  mad: number;
  samples: number;
}

/**
 * One send per iteration through each client, measured with tinybench. The clients take
 * turns over several rounds, each round in a rotated order, and every round's samples are
 * pooled: on a shared machine, load that comes and goes then falls on all clients alike.
 */
async function measure(
  transport: { fetch: AnyFetch; baseUrl: string },
  { quick }: RunOptions,
): Promise<CallFigure[]> {
  const rounds = quick ? 1 : 5;
  const senders = subjects.map((subject) => ({ name: subject.name, send: subject.createSender(transport) }));
  for (const { send } of senders) {
    await send(); // fails loudly here if a client cannot use this transport
  }
  const samples = new Map<string, number[]>(senders.map(({ name }) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const bench = quick
      ? new Bench({
          iterations: 5,
          time: 0,
          warmupIterations: 2,
          warmupTime: 0,
          throws: true,
          retainSamples: true,
        })
      : new Bench({ time: 400, warmupTime: 100, throws: true, retainSamples: true });
    const order = [...senders.slice(round % senders.length), ...senders.slice(0, round % senders.length)];
    for (const { name, send } of order) {
      bench.add(name, send);
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== "completed") {
        throw new Error(`${task.name}: ${result.state}`);
      }
      // tinybench reports milliseconds; a call costs microseconds.
      samples.get(task.name)!.push(...(result.latency.samples ?? []).map((ms) => ms * 1e3));
    }
  }
  return senders.map(({ name }) => {
    const { median, p75, p99, mad, n } = summarize(samples.get(name)!);
    return { name, median, p75, p99, mad, samples: n };
  });
}

const byName = (figures: CallFigure[], name: string): CallFigure => {
  const figure = figures.find((f) => f.name === name);
  if (!figure) {
    throw new Error(`no figure for ${name}`);
  }
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
      limit: 1,
      limitText: "≤ 1× (no slower)",
    },
  ];

  options.log("per-call: what Request objects cost on this Node");
  const costs = await requestCosts(options);
  const notes = [
    `What the building blocks cost on this Node (median µs): ${Object.entries(costs)
      .map(([name, us]) => `${name}: ${fmt(us)}`)
      .join("; ")}. ` +
      "Against an in-memory `fetch` these decide the order: openapi-fetch builds a `Request` per call; " +
      "raw `fetch`, @kapso/whatsapp-cloud-api and kapsokit call `fetch(url, init)` and build none. kapsokit " +
      "also validates the input and arms the attempt's timeout (an `AbortController` whose signal is " +
      "created only if the `fetch` reads it, and a timer), and reads the answer's body within that timeout. " +
      "Against a real `fetch` the `Request` and the signal are built inside `fetch` anyway, which is why " +
      "the loopback figures sit closer together.",
    "The profile before and after (`node --cpu-prof`, kapsokit alone against the in-memory `fetch`). " +
      "Before: 59 µs a send against 44 µs for openapi-fetch and 41 µs for @kapso/whatsapp-cloud-api in " +
      "one run; most of the difference was undici's `Request` constructor (one per attempt) and the " +
      "`AbortSignal` put on it. After: the transport calls the given `fetch` as `fetch(url, init)` with " +
      "plain-object headers and JSON text built once per call; the signal is a getter on `init`, so a " +
      "`fetch` that never reads it never makes one; an attempt is one promise settled by the answer, the " +
      "timer or the caller's abort rather than races of promises; options are copied only when a call " +
      "changes them; and everything a failure needs (its words, the redaction, the retry rules) is code " +
      "no successful call runs. What remains of kapsokit's own time is validation, the timer and the " +
      "body read; the rest is undici building and reading the `Response`, as for every client.",
  ];
  if (targets.some((t) => t.ratio > t.limit)) {
    notes.push(
      "A target was missed in this run: rerun on a quiet machine (the figures move by ±10% with load); " +
        "the ratios, not the absolute figures, are what the targets compare.",
    );
  }

  const section: Section = {
    id: "per-call",
    title: "Per-call overhead",
    method:
      "One template send per iteration through each client (kapsokit with its defaults: two retries, " +
      "a timeout per attempt, input validation), measured with tinybench in one run (5 rounds of 400 ms per client, in rotated order, samples pooled): against an " +
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
        title: "Per-call overhead, loopback HTTP (median µs per send)",
        unit: "µs",
        bars: loopback.map((f) => ({ label: f.name, value: f.median })),
      },
    ],
    notes,
  };
  return section;
};
