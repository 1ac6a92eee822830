// Errors the command line reports as a message and an exit code, never as a stack trace.
import { EXIT } from "./exit-codes.js";

/** A mistake in how the command was called or in its input files. */
export class UsageError extends Error {
  override name = "UsageError";
  readonly exitCode: number = EXIT.usage;
}
