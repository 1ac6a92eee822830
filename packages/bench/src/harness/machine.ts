import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";

/** The machine the figures were measured on, read at run time. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() || "unknown",
    cores: list.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: osName(),
  };
}

function osName(): string {
  try {
    return execFileSync("uname", ["-srm"], { encoding: "utf8" }).trim();
  } catch {
    return `${process.platform} ${process.arch}`;
  }
}
