// The flags of `kapsokit send-bulk`, read and checked on their own (no file or network yet).
// Problems are collected rather than thrown, so the plan can report them with everything else.
import { basename, dirname, extname, join, resolve } from "node:path";
import type { SendTemplateInput } from "@kapsokit/client";
import { parseCommand, wholeNumber } from "../args.js";
import { HEADER_OPTIONS, headerFromFlags } from "../commands/header-flags.js";
import { UsageError } from "../errors.js";
import type { Io } from "../io.js";
import type { HeaderKind } from "../template/fit.js";

export const SEND_BULK_HELP = `Usage: kapsokit send-bulk <template-id> --csv <file> [options]

Sends a template to every row of a CSV file. The header row names the columns: "phone"
holds the number; "1", "2", … are positional parameters, any other name is a named one
({{customer_name}}); header_text, header_image, header_video, header_document and
header_filename give a row its own header; button_0, button_1, … hold the text for the {{1}}
in the address of the URL button at that position (counted from 0). Everything that applies
to every row (the template, the flags, the columns, the files) is checked before the first
send.

  --csv <file>             the recipients (streamed: any size works)
  --concurrency <n>        sends on the wire at once (default 4)
  --rate <n/min | n/s>     at most this many sends per minute or second
  --journal <file>         where progress is recorded (default <csv>.journal.jsonl)
  --no-journal             keep no journal (a stopped run cannot resume safely)
  --resume                 continue the run the journal recorded: sent rows are skipped,
                           rows in flight when it stopped are reported unknown
  --retry-unknown          with --resume, send the unknown rows again (may duplicate them)
  --fsync                  flush the journal to disk before each send (survives power loss)
  --results <file>         one row per recipient (default <csv>.results.csv); a file that
                           holds rows is never replaced: the next run writes <file>.2.csv, …
  --header-image|--header-video|--header-document <url>, --filename <name>, --header-text <t>
                           a header for rows that give none
  --dry-run                check every row (against the template too), send nothing, and
                           show the first 3 messages as the customers would see them
  --queue <redis-url>      hand the sends to \`kapsokit worker\`s through Redis instead
                           (its options: kapsokit send-bulk --queue env --help)
  --json                   one JSON line per recipient, then a summary line
  --base-url <url>         the API's base URL (default KAPSO_BASE_URL, then the Kapso API)

Exit codes: 0 all sent, 1 some failed, 2 bad usage or input (nothing sent), 3 some outcomes
unknown, 74 the results file could not be written to the end, 130 stopped with Ctrl-C (run
again with --resume to continue).
`;

type Header = NonNullable<SendTemplateInput["header"]>;

/** What the flags ask for, with paths resolved against the working directory. */
export interface BulkOptions {
  templateId: string | undefined;
  /** The CSV as the user wrote it, for messages, and resolved. */
  csv: { given: string; path: string } | undefined;
  concurrency: number;
  /** The rate as given; the bulk engine's own parser reads it. */
  rate: string | undefined;
  /** No journal on a dry run or with --no-journal. */
  journalPath: string | undefined;
  resume: boolean;
  retryUnknown: boolean;
  fsync: boolean;
  resultsPath: string | undefined;
  dryRun: boolean;
  json: boolean;
  baseUrl: string | undefined;
  /** The header of rows that give none. */
  defaultHeader: Header | undefined;
  /** The kind of header the flags give, for the template check. */
  headerFlag: HeaderKind | undefined;
}

/** The suffixed sibling of the CSV: `people.csv` → `people.results.csv`. */
function sibling(csv: string, suffix: string): string {
  return join(dirname(csv), `${basename(csv, extname(csv))}${suffix}`);
}

/**
 * Reads the flags, or returns `"help"`. Throws a `UsageError` only for flags it cannot read at
 * all (an unknown option); every other problem is listed in `problems`.
 */
export function readBulkOptions(
  args: string[],
  io: Io,
): "help" | { options: BulkOptions; problems: string[] } {
  const { values, positionals } = parseCommand("send-bulk", args, {
    csv: { type: "string" },
    concurrency: { type: "string" },
    rate: { type: "string" },
    journal: { type: "string" },
    "no-journal": { type: "boolean" },
    resume: { type: "boolean" },
    "retry-unknown": { type: "boolean" },
    fsync: { type: "boolean" },
    results: { type: "string" },
    "dry-run": { type: "boolean" },
    ...HEADER_OPTIONS,
  });
  if (values.help) {
    return "help";
  }
  const problems: string[] = [];
  const attempt = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof UsageError)) {
        throw error;
      }
      problems.push(...error.problems);
      return undefined;
    }
  };
  const [templateId, ...extra] = positionals;
  if (!templateId) {
    problems.push('missing <template-id>. Run "kapsokit send-bulk --help" for usage.');
  }
  if (extra.length) {
    problems.push(`unexpected argument "${extra[0]}"`);
  }
  if (!values.csv) {
    problems.push('missing --csv <file>. Run "kapsokit send-bulk --help" for usage.');
  }
  const concurrency = attempt(() => wholeNumber("concurrency", values.concurrency, 1, 1000)) ?? 4;
  if (values["retry-unknown"] && !values.resume) {
    problems.push("--retry-unknown goes with --resume");
  }
  if (values["no-journal"] && (values.journal || values.resume)) {
    problems.push("--no-journal cannot be combined with --journal or --resume");
  }
  const defaultHeader = attempt(() => headerFromFlags(values));
  const dryRun = values["dry-run"] === true;
  const csvPath = values.csv ? resolve(io.cwd, values.csv) : undefined;
  const journalPath =
    dryRun || values["no-journal"] || !csvPath
      ? undefined
      : resolve(io.cwd, values.journal ?? sibling(csvPath, ".journal.jsonl"));
  const resultsPath = values.results
    ? resolve(io.cwd, values.results)
    : csvPath && sibling(csvPath, dryRun ? ".dry-run.csv" : ".results.csv");
  const paths = [csvPath, journalPath, resultsPath].filter((p) => p !== undefined);
  const clash = new Set(paths).size !== paths.length;
  if (clash) {
    problems.push("the CSV, the journal and the results file must be three different files");
  }
  return {
    options: {
      templateId,
      csv: values.csv && csvPath ? { given: values.csv, path: csvPath } : undefined,
      concurrency,
      rate: values.rate,
      // Files that clash are not touched at all.
      journalPath: clash ? undefined : journalPath,
      resume: values.resume === true,
      retryUnknown: values["retry-unknown"] === true,
      fsync: values.fsync === true,
      resultsPath: clash ? undefined : resultsPath,
      dryRun,
      json: values.json === true,
      baseUrl: values["base-url"],
      defaultHeader,
      headerFlag: defaultHeader?.type,
    },
    problems,
  };
}
