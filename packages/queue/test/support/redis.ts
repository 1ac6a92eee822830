// A real redis-server for a test: its own temp folder, a random loopback port, the
// append-only file on (fsync on every write) unless a test asks otherwise. It can be
// SIGKILLed and restarted on the same port, with or without its data.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { ensureRedisServer } from "./redis-binary.js";

export interface RedisServerOptions {
  /** `false` for no append-only file; otherwise its appendfsync. Default "always". */
  appendfsync?: "always" | "everysec" | "no" | false;
  /** A password for the default user. */
  password?: string;
  maxmemoryPolicy?: string;
  /** Serve TLS only (the port is the TLS port), with these PEM files. */
  tls?: { cert: string; key: string; ca: string };
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) {
    child.kill("SIGKILL");
  }
});

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

export class RedisServer {
  readonly dir: string;
  port = 0;
  #options: RedisServerOptions;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  #clients: Redis[] = [];

  private constructor(options: RedisServerOptions) {
    this.#options = options;
    this.dir = mkdtempSync(join(tmpdir(), "kapsokit-redis-"));
  }

  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const server = new RedisServer(options);
    for (let attempt = 0; ; attempt++) {
      server.port = await freePort();
      try {
        await server.#spawn();
        return server;
      } catch (error) {
        if (attempt >= 4 || !String(error).includes("in use")) {
          throw error;
        }
      }
    }
  }

  /** `redis://` URL of the server, with the password when there is one. */
  get url(): string {
    const auth = this.#options.password ? `:${encodeURIComponent(this.#options.password)}@` : "";
    return `redis://${auth}127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  async #spawn(): Promise<void> {
    const { appendfsync = "always", password, maxmemoryPolicy = "noeviction", tls } = this.#options;
    const ports = tls
      ? [
          "--port",
          "0",
          "--tls-port",
          String(this.port),
          "--tls-cert-file",
          tls.cert,
          "--tls-key-file",
          tls.key,
        ]
      : ["--port", String(this.port)];
    const args = [
      ...ports,
      ...(tls ? ["--tls-ca-cert-file", tls.ca, "--tls-auth-clients", "no"] : []),
      "--bind",
      "127.0.0.1",
      "--dir",
      this.dir,
      "--save",
      "",
      "--daemonize",
      "no",
      "--loglevel",
      "notice",
      "--logfile",
      "",
      "--maxmemory-policy",
      maxmemoryPolicy,
      ...(appendfsync === false
        ? ["--appendonly", "no"]
        : ["--appendonly", "yes", "--appendfsync", appendfsync]),
      ...(password ? ["--requirepass", password] : []),
    ];
    const child = spawn(ensureRedisServer(), args, { stdio: ["ignore", "pipe", "pipe"] });
    this.#child = child;
    running.add(child);
    // For the global teardown, should this process end before it stops the server.
    const pidFile =
      process.env.KAPSOKIT_REDIS_PIDS && child.pid
        ? join(process.env.KAPSOKIT_REDIS_PIDS, String(child.pid))
        : undefined;
    if (pidFile) {
      writeFileSync(pidFile, "");
    }
    this.#exited = new Promise((resolve) =>
      child.once("exit", () => {
        running.delete(child);
        if (pidFile) {
          rmSync(pidFile, { force: true });
        }
        resolve();
      }),
    );
    let log = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes("Ready to accept connections")) {
          child.stdout!.off("data", onData);
          // Keep draining, so a chatty server never blocks on a full pipe.
          child.stdout!.resume();
          resolve();
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", (chunk: Buffer) => {
        log += chunk.toString();
      });
      child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${log.slice(-2000)}`)));
    });
  }

  /** A client for the test itself; closed with the server. */
  client(): Redis {
    const client = new Redis({
      port: this.port,
      host: "127.0.0.1",
      password: this.#options.password,
      maxRetriesPerRequest: null,
      retryStrategy: (times) => Math.min(times * 50, 500),
    });
    client.on("error", () => undefined);
    this.#clients.push(client);
    return client;
  }

  /** SIGKILL: no shutdown, no final fsync. */
  async kill(): Promise<void> {
    this.#child?.kill("SIGKILL");
    await this.#exited;
  }

  /**
   * Starts the server again on the same port. `persistence: false` starts it empty and
   * without an append-only file, as a Redis without persistence comes back after a crash.
   */
  async restart({ persistence = true }: { persistence?: boolean } = {}): Promise<void> {
    await this.kill();
    if (!persistence) {
      rmSync(join(this.dir, "appendonlydir"), { recursive: true, force: true });
      this.#options = { ...this.#options, appendfsync: false };
    }
    await this.#spawn();
  }

  async stop(): Promise<void> {
    for (const client of this.#clients) {
      client.disconnect();
    }
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
