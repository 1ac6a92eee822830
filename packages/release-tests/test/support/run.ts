// Runs a command to completion and hands back its output, never throwing on a non-zero exit
// so the tests can assert on the status and show the output when it is wrong.
import { spawn } from "node:child_process";

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for failure messages. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  /** The whole environment of the command; this process's own when left out. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  // The caller's environment replaces this process's (a user's shell holds none of the npm
  // and pnpm variables this test run was started with). A vitest started here must not write
  // its report where `npm test` collects this run's.
  const { KAPSOKIT_TEST_REPORT: _, ...env } = options.env ?? process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...env, FORCE_COLOR: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), options.timeoutMs ?? 120_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const output = `$ ${command} ${args.join(" ")}\n${stdout}${stderr}`;
      resolve({ status: status ?? (signal ? 128 : 1), stdout, stderr, output });
    });
  });
}

/** Like {@link run}, but throws with the command's output when it fails. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.status !== 0) {
    throw new Error(`exit ${result.status}\n${result.output}`);
  }
  return result;
}
