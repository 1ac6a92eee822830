// The client with the runtime's own global `fetch`, against servers on 127.0.0.1 that
// misbehave (started by the Node test that runs this): a body that stalls half-way and a
// redirect to another origin. Each case reports what it observed, with the time it took.
import { Kapso } from "@kapsokit/client";

/** What one misbehaving exchange came to. */
export interface NetworkObservation {
  name: string;
  causeName: string | null;
  status: number | null;
  message: string;
  ms: number;
}

/** The servers the test started, by what they do. */
export interface NetworkServers {
  stall: string;
  redirect: string;
}

export interface NetworkResult {
  stalledSend: NetworkObservation;
  stalledRead: NetworkObservation;
  redirectedSend: NetworkObservation;
}

const TEMPLATE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

async function observe(call: () => Promise<unknown>): Promise<NetworkObservation> {
  const started = Date.now();
  try {
    await call();
    return { name: "no error", causeName: null, status: null, message: "", ms: Date.now() - started };
  } catch (error) {
    const e = error as Error & { status?: number; cause?: { name?: string } };
    return {
      name: e.name,
      causeName: e.cause?.name ?? null,
      status: typeof e.status === "number" ? e.status : null,
      message: e.message,
      ms: Date.now() - started,
    };
  }
}

export async function runNetworkScenario(servers: NetworkServers): Promise<NetworkResult> {
  const apiKey = "kapso_rt_network_7d1f0c2a";
  const stall = new Kapso({ apiKey, baseUrl: servers.stall, timeout: 1000, maxRetries: 0, logLevel: "off" });
  const redirect = new Kapso({ apiKey, baseUrl: servers.redirect, logLevel: "off" });
  return {
    stalledSend: await observe(() => stall.templates.send(TEMPLATE, { to: "+14155550123" })),
    stalledRead: await observe(() => stall.templates.get(TEMPLATE)),
    redirectedSend: await observe(() => redirect.templates.send(TEMPLATE, { to: "+14155550124" })),
  };
}
