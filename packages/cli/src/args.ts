// Command-line parsing on node:util's parseArgs, with its errors turned into short messages.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

/** One option of a command, as parseArgs takes it. */
interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
}
type Options = Record<string, OptionSpec>;

type OptionValue<T> = T extends { type: "boolean" }
  ? boolean
  : T extends { multiple: true }
    ? string[]
    : string;

/** The values parsed for a set of options; each is absent when not given. */
export type ParsedValues<O> = { [K in keyof O]?: OptionValue<O[K]> };

/** Options every command takes. */
export const GLOBAL_OPTIONS = {
  "base-url": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** Parses a command's arguments, or throws a `UsageError` that names the problem. */
export function parseCommand<O extends Options>(
  command: string,
  args: string[],
  options: O,
): { values: ParsedValues<O & typeof GLOBAL_OPTIONS>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedValues<O & typeof GLOBAL_OPTIONS>, positionals };
  } catch (error) {
    // node:util's words ("Unknown option '--x'"), in the lower case of every other message.
    const text = (error instanceof Error ? error.message.split(". ")[0]! : String(error)).replace(/'/g, "");
    const message = `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    throw new UsageError(`${message}. Run "kapsokit ${command} --help" for usage.`);
  }
}

/** A whole number option within bounds, or a `UsageError`. */
export function wholeNumber(
  name: string,
  value: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    const range = max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `of at least ${min}`;
    throw new UsageError(`--${name} must be a whole number ${range}, not "${value}"`);
  }
  return n;
}
