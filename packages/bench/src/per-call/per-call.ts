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
      "Against an in-memory `fetch` these decide the order: raw `fetch` and @kapso/whatsapp-cloud-api call " +
      "`fetch(url, init)` and build no `Request`; openapi-fetch builds one without a signal; kapsokit " +
      "builds one per attempt carrying the attempt's timeout signal, with an `AbortController` and a timer " +
      "(`createTransport`, packages/core/src/transport/create-transport.ts), after validating the input. " +
      "Against a real `fetch` the `Request` is built inside `fetch` anyway, which is why the loopback " +
      "figures sit much closer together.",
  ];
  if (targets.some((t) => t.ratio > t.limit)) {
    notes.push(
      "Profiled (`node --cpu-prof`, kapsokit alone against the in-memory `fetch`): most of the time over " +
        "openapi-fetch is undici's `Request` constructor and `AbortSignal` creation. The client used to " +
        "build a `Request`, read its body back and build a second one per attempt; it now hands the " +
        "transport the URL, headers and JSON text and builds one `Request` per attempt, which took the " +
        "median from 97–132 µs to about 58 µs. What is left over openapi-fetch is the per-attempt timeout " +
        "(an `AbortController`, a timer, a signal on the `Request`) and input validation, both of which " +
        "openapi-fetch does not do; matching @kapso/whatsapp-cloud-api would also mean handing a custom " +
        "`fetch` `(url, init)` instead of a `Request`, a change to the public `fetch` option.",
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
