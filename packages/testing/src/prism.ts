import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface StartPrismOptions {
  /** Path or URL of the OpenAPI document Prism mocks. */
  spec: string;
  /** Loopback port; a free one is picked when absent. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Pass `--errors`, so violations become error responses. Defaults to true. */
  errors?: boolean;
  /** Generate dynamic responses instead of the spec's examples. Defaults to false. */
  dynamic?: boolean;
  /** How long to wait for Prism to answer, in ms. Defaults to 30 000. */
  startTimeout?: number;
}

export interface PrismServer {
  /** Base URL to point a client at, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Milliseconds from spawn until Prism answered its first request. */
  startupMs: number;
  /** Stops the Prism process and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts a real Prism mock server (an optional peer dependency, `@stoplight/prism-cli`) on
 * loopback and resolves once it answers HTTP requests.
 *
 * @example
 * ```ts
 * import { startPrism } from "@kapsokit/testing/prism";
 *
 * const prism = await startPrism({ spec: "openapi/kapso.yaml" });
 * // ... point a client at prism.url ...
 * await prism.stop();
 * ```
 */
export async function startPrism(options: StartPrismOptions): Promise<PrismServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  const args = [prismBin(), "mock", options.spec, "--host", host, "--port", String(port)];
  if (options.errors ?? true) {
    args.push("--errors");
  }
  if (options.dynamic) {
    args.push("--dynamic");
  }

  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const url = `http://${host}:${port}`;
  try {
    await waitUntilAnswering(url, child, options.startTimeout ?? 30_000);
  } catch (error) {
    await stopChild(child);
    throw new Error(`Prism did not start: ${(error as Error).message}\n${output}`);
  }
  const startupMs = performance.now() - started;
  return { url, startupMs, stop: () => stopChild(child) };
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve("@stoplight/prism-cli/package.json");
  } catch {
    throw new Error(
      "startPrism() needs @stoplight/prism-cli. Install it as a dev dependency: npm i -D @stoplight/prism-cli@5.14.2",
    );
  }
  return join(dirname(manifest), "dist", "index.js");
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`exited with code ${child.exitCode}`);
    }
    try {
      // Any HTTP answer (401 included) means the server is up.
      await fetch(`${url}/__prism_ready`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
