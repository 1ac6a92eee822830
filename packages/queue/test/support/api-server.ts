// Drives the recording API server (recording-server.mjs) in its own process.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export const TEMPLATE_ID = "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90";

export interface ApiServerOptions {
  /**
   * Limits per API key ("*" for any key): `limit` sends per fixed window of `windowMs`;
   * `announce` adds X-RateLimit-Limit and X-RateLimit-Remaining to accepted sends.
   */
  limits?: Record<string, { limit: number; windowMs: number; announce?: boolean }>;
  latencyMs?: number;
}

export interface ApiStats {
  /** Sends received per phone. */
  sends: Record<string, number>;
  /** Times of the accepted sends, per API key. */
  accepted: Record<string, number[]>;
  /** 429s per API key. */
  rejected: Record<string, number>;
  templateReads: number;
}

type Message = { type: string; [field: string]: unknown };

export class ApiServer {
  readonly url: string;
  readonly #child: ChildProcess;
  readonly #listeners = new Set<(message: Message) => void>();

  private constructor(child: ChildProcess, url: string) {
    this.#child = child;
    this.url = url;
    child.on("message", (message: Message) => {
      for (const listener of this.#listeners) {
        listener(message);
      }
    });
  }

  static async start(options: ApiServerOptions = {}): Promise<ApiServer> {
    const script = fileURLToPath(new URL("./recording-server.mjs", import.meta.url));
    const child = fork(script, [JSON.stringify(options)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const url = await new Promise<string>((resolve, reject) => {
      child.once("message", (message: Message) => resolve(String(message.url)));
      child.once("exit", (code) => reject(new Error(`the API server exited with ${code}`)));
    });
    return new ApiServer(child, url);
  }

  /** Waits for the first message that passes `match`. */
  next(match: (message: Message) => boolean): Promise<Message> {
    return new Promise((resolve) => {
      const listener = (message: Message) => {
        if (!match(message)) {
          return;
        }
        this.#listeners.delete(listener);
        resolve(message);
      };
      this.#listeners.add(listener);
    });
  }

  /** Holds the next send to `phone`; the promise settles once the server has received it. */
  hold(phone: string): Promise<Message> {
    const held = this.next((m) => m.type === "held" && m.phone === phone);
    this.#child.send({ cmd: "hold", phone });
    return held;
  }

  /** Holds template reads; the promise settles at the first one. */
  holdTemplates(): Promise<Message> {
    const held = this.next((m) => m.type === "template-held");
    this.#child.send({ cmd: "holdTemplates" });
    return held;
  }

  release(phone?: string): void {
    this.#child.send({ cmd: "release", phone });
  }

  answer(phone: string, status: number): void {
    this.#child.send({ cmd: "answer", phone, status });
  }

  /** Sends accepted so far for one API key. */
  async accepted(key: string): Promise<number> {
    const reply = this.next((m) => m.type === "count" && m.key === key);
    this.#child.send({ cmd: "count", key });
    return Number((await reply).count);
  }

  async stats(): Promise<ApiStats> {
    const reply = this.next((m) => m.type === "stats");
    this.#child.send({ cmd: "stats" });
    return (await reply) as unknown as ApiStats;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.#child.once("exit", resolve));
    this.#child.kill("SIGKILL");
    await exited;
  }
}

/** The most sends that fell within any span of `spanMs` (a sliding window over the times). */
export function maxInSpan(times: readonly number[], spanMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= spanMs) {
      start++;
    }
    most = Math.max(most, end - start + 1);
  }
  return most;
}
