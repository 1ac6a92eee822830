// A redis-server for one benchmark run: its own folder and port, the append-only file fsynced
// on every write (what a campaign requires by default), stopped after.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BenchRedis {
  url: string;
  /** `used_memory_peak` from INFO memory, in MB. */
  peakMemoryMB(): number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<BenchRedis> {
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-bench-redis-"));
  const port = await freePort();
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "yes",
  ];
  args.push("--appendfsync", "always", "--maxmemory-policy", "noeviction", "--logfile", "");
  let child: ChildProcess;
  try {
    child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    throw new Error("the queue benchmark needs redis-server: apt-get install -y redis-server");
  }
  await new Promise<void>((resolve, reject) => {
    let log = "";
    child.once("error", () =>
      reject(new Error("the queue benchmark needs redis-server: apt-get install -y redis-server")),
    );
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${log}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      log += chunk;
      if (log.includes("Ready to accept connections")) {
        resolve();
      }
    });
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    url: `redis://127.0.0.1:${port}`,
    peakMemoryMB() {
      const info = execFileSync("redis-cli", ["-p", String(port), "info", "memory"], { encoding: "utf8" });
      return Number(/used_memory_peak:(\d+)/.exec(info)?.[1] ?? 0) / 1e6;
    },
    async stop() {
      child.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
