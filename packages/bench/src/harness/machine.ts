import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";

/** The machine the figures were measured on, read at run time. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  /** The 1-minute load average when the description was taken: other work on the machine. */
  load: number;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() || "unknown",
    cores: list.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: osName(),
    load: loadavg()[0] ?? 0,
  };
}

function osName(): string {
  try {
    return execFileSync("uname", ["-srm"], { encoding: "utf8" }).trim();
  } catch {
    return `${process.platform} ${process.arch}`;
  }
}
