// Time from start to the first answered request, for the mock and for Prism on the same
// spec, measured the same way: spawn the server process, then poll it every few ms.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKapsoMock } from "@kapsokit/testing";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const specPath = fileURLToPath(new URL("../../../openapi/kapso.yaml", import.meta.url));

/** @returns {Promise<number>} a free loopback port */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `args` with node and resolves with the ms until `url` answers any HTTP status.
 * @param {string[]} args
 * @param {string} url
 * @returns {Promise<number>}
 */
export async function spawnUntilAnswering(args, url) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  try {
    const deadline = started + 60_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`exited with ${child.exitCode}: ${stderr}`);
      }
      try {
        await fetch(url, { headers: { "X-API-Key": "bench" }, signal: AbortSignal.timeout(1_000) });
        return performance.now() - started;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
    throw new Error(`${url} did not answer within 60 s`);
  } finally {
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGKILL");
    });
  }
}

/** @returns {Promise<number>} ms: createKapsoMock() and one request, in this already warm process */
export async function mockInProcess() {
  const started = performance.now();
  const mock = createKapsoMock();
  const response = await mock.fetch(`${mock.baseUrl}/whatsapp_templates`, {
    headers: { "X-API-Key": "bench" },
  });
  if (response.status !== 200) {
    throw new Error(`unexpected status ${response.status}`);
  }
  return performance.now() - started;
}

/** @returns {Promise<number>} ms: a new Node process loads the package, creates the mock and has a request answered */
export function mockInNewProcess() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(here, "children", "mock-process.mjs")], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout?.on("data", (chunk) => {
      if (String(chunk).includes("answered")) {
        resolve(performance.now() - started);
      }
    });
    child.on("exit", (code) => {
      if (code !== 0) {
        reject(new Error(`mock process exited with ${code}`));
      }
    });
  });
}

/** @returns {Promise<number>} ms: spawn the mock HTTP server until it answers over HTTP */
export async function mockServer() {
  const port = await freePort();
  return spawnUntilAnswering(
    [join(here, "children", "mock-server-process.mjs"), String(port)],
    `http://127.0.0.1:${port}/api/v1/whatsapp_templates`,
  );
}

/** @returns {Promise<number>} ms: spawn Prism 5 on the same spec until it answers over HTTP */
export async function prism() {
  const port = await freePort();
  const bin = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
  return spawnUntilAnswering(
    [bin, "mock", specPath, "--host", "127.0.0.1", "--port", String(port), "--errors"],
    `http://127.0.0.1:${port}/whatsapp_templates`,
  );
}

/**
 * Median, spread and every sample of `runs` sequential runs of `measure`.
 * @param {() => Promise<number>} measure
 * @param {number} runs
 */
export async function sample(measure, runs) {
  /** @type {number[]} */
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(await measure());
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    runs,
    medianMs: round(median ?? 0),
    minMs: round(sorted[0] ?? 0),
    maxMs: round(sorted.at(-1) ?? 0),
    samplesMs: samples.map(round),
  };
}

/** @param {number} n */
export function round(n) {
  return Math.round(n * 100) / 100;
}
