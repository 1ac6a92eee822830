import { spawn } from "node:child_process";
import { benchRoot } from "./paths.js";

/**
 * Runs `node <args>` in the bench package and resolves with its stdout; rejects with its
 * stderr when it exits non-zero.
 */
export function runNode(args: string[], options: { timeoutMs?: number } = {}): Promise<string> {
  return run(process.execPath, args, options);
}

/** Runs a command in the bench package and resolves with its stdout. */
export function run(command: string, args: string[], { timeoutMs = 120_000 } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: benchRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve(stdout);
      } else {
        reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${stderr || stdout}`));
      }
    });
  });
}

/** The number a child printed last, e.g. a duration in ms. */
export function lastNumber(output: string): number {
  const lines = output.trim().split("\n");
  const value = Number(lines[lines.length - 1]);
  if (!Number.isFinite(value)) {
    throw new Error(`expected a number, got: ${output.slice(-200)}`);
  }
  return value;
}
