// Worker processes for a test: started, watched, SIGKILLed and replaced.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./worker-process.mjs", import.meta.url));

export interface WorkerProcessOptions {
  redis: string;
  apiKey: string;
  baseUrl: string;
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxOutageMs?: number;
  timeoutMs?: number;
  name?: string;
  pauseBeforeSend?: string;
  pauseAfterAnswer?: string;
}

export type WorkerMessage = { type: string; [field: string]: unknown };

export class WorkerProcess {
  readonly child: ChildProcess;
  readonly messages: WorkerMessage[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output = "";
  readonly #listeners = new Set<(message: WorkerMessage) => void>();

  private constructor(child: ChildProcess) {
    this.child = child;
    child.on("message", (message: WorkerMessage) => {
      this.messages.push(message);
      for (const listener of this.#listeners) {
        listener(message);
      }
    });
    child.stdout?.on("data", (chunk: Buffer) => (this.output += chunk));
    child.stderr?.on("data", (chunk: Buffer) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  /** Starts a worker and waits until it serves its queue. */
  static async start(options: WorkerProcessOptions): Promise<WorkerProcess> {
    const child = fork(SCRIPT, [JSON.stringify(options)], { stdio: ["ignore", "pipe", "pipe", "ipc"] });
    const worker = new WorkerProcess(child);
    const ready = worker.next((m) => m.type === "ready");
    const failed = worker.exited.then(({ code }) => {
      throw new Error(`the worker exited (${code}) before it was ready: ${worker.output}`);
    });
    await Promise.race([ready, failed]);
    return worker;
  }

  next(match: (message: WorkerMessage) => boolean): Promise<WorkerMessage> {
    const seen = this.messages.find(match);
    if (seen) {
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => {
      const listener = (message: WorkerMessage) => {
        if (!match(message)) {
          return;
        }
        this.#listeners.delete(listener);
        resolve(message);
      };
      this.#listeners.add(listener);
    });
  }

  async kill(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.exited;
  }
}
