import { spawn } from "node:child_process";
import type { ScenarioResult } from "../../scenario/result.js";
import { RESULT_MARKER } from "../../scenario/run-scenario.js";
import { packageDir } from "./paths.js";

const TIMEOUT_MS = 25_000;

/**
 * Runs the process scenario with a runtime binary and returns the result it printed. Fails
 * with the runtime's own output when it cannot start, crashes, or prints no result.
 */
export function runProcessScenario<T = ScenarioResult>(command: string, args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: packageDir,
      // No key in the environment: the scenario must pass its key explicitly.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1" },
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
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    const describe = () =>
      `${command} ${args.join(" ")}\n--- stdout ---\n${stdout.trim()}\n--- stderr ---\n${stderr.trim()}`;
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        const why =
          signal === "SIGKILL" ? `timed out after ${TIMEOUT_MS} ms` : `exited with ${signal ?? code}`;
        reject(new Error(`runtime ${why} without a result:\n${describe()}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as T);
    });
  });
}
