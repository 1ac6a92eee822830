// Runs the built `kapsokit` binary as a child process.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

export interface BinProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startBin(
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd?: string,
): BinProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, KAPSO_API_KEY: undefined, KAPSO_BASE_URL: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

export async function runBin(args: string[], env: Record<string, string | undefined> = {}, cwd?: string) {
  const bin = startBin(args, env, cwd);
  const { code } = await bin.exited;
  return { code, stdout: bin.stdout(), stderr: bin.stderr() };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling every millisecond. */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) {
    await sleep(1);
  }
}
