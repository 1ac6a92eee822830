// Errors the command line reports as a message and an exit code, never as a stack trace.
import { EXIT } from "./exit-codes.js";

/**
 * A mistake in how the command was called or in its input files. It may list several
 * problems at once, so that one run shows everything to fix.
 */
export class UsageError extends Error {
  override name = "UsageError";
  readonly exitCode: number = EXIT.usage;
  /** Every problem found, one line each (one, unless a command checked many things at once). */
  readonly problems: string[];

  constructor(problem: string | string[]) {
    const problems = typeof problem === "string" ? [problem] : problem;
    super(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems, nothing was sent:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.problems = problems;
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EFBIG: "the file is too large",
  EDQUOT: "disk quota exceeded",
};

/**
 * Why a file operation failed, in words: `no such file (ENOENT)`. For a file being written, a
 * missing path means its folder is missing.
 */
export function fileProblem(error: unknown, writing = false): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") {
    return error instanceof Error ? error.message : String(error);
  }
  const reason = writing && code === "ENOENT" ? "its folder does not exist" : REASONS[code];
  return reason ? `${reason} (${code})` : code;
}
