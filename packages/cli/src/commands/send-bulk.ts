// `kapsokit send-bulk <template-id> --csv <file>`: a template to every row of a CSV, paced,
// journaled and resumable, with a progress bar and a results file.
import { createReadStream, existsSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { BulkProgress, SendManyRecipient, SendManyResult } from "@kapsokit/client";
import { openFileJournal } from "@kapsokit/client/journal";
import { parseCommand, wholeNumber } from "../args.js";
import { createKapso } from "../client.js";
import { parseCsv } from "../csv/parse-csv.js";
import { type CsvLayout, readLayout, toRecipient } from "../csv/recipients.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { formatDuration, formatRate } from "../output/format.js";
import { createProgressReporter } from "../output/progress.js";
import { createResultsFile, type ResultRow, type ResultsFile } from "../output/results-file.js";
import { HEADER_OPTIONS, headerFromFlags } from "./header-flags.js";

export const SEND_BULK_HELP = `Usage: kapsokit send-bulk <template-id> --csv <file> [options]

Sends a template to every row of a CSV file. The header row names the columns: "phone"
holds the number; "1", "2", … are positional parameters, any other name is a named one
({{customer_name}}); header_text, header_image, header_video, header_document and
header_filename give a row its own header; button_0, button_1, … hold the text for the {{1}}
in the address of the URL button at that position (counted from 0).

  --csv <file>             the recipients (streamed: any size works)
  --concurrency <n>        sends on the wire at once (default 4)
  --rate <n/min | n/s>     at most this many sends per minute or second
  --journal <file>         where progress is recorded (default <csv>.journal.jsonl)
  --no-journal             keep no journal (a stopped run cannot resume safely)
  --resume                 continue the run the journal recorded: sent rows are skipped,
                           rows in flight when it stopped are reported unknown
  --retry-unknown          with --resume, send the unknown rows again (may duplicate them)
  --fsync                  flush the journal to disk before each send (survives power loss)
  --results <file>         one row per recipient (default <csv>.results.csv)
  --header-image|--header-video|--header-document <url>, --filename <name>, --header-text <t>
                           a header for rows that give none
  --dry-run                check every row (against the template too), send nothing
  --json                   one JSON line per recipient, then a summary line
  --base-url <url>         the API's base URL (default KAPSO_BASE_URL, then the Kapso API)

Exit codes: 0 all sent, 1 some failed, 2 bad usage or input, 3 some outcomes unknown,
130 stopped with Ctrl-C (run again with --resume to continue).
`;

/** Opens a file the run writes, turning a file-system error into a message. */
async function openOrExplain<T>(what: string, path: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot write the ${what} ${path}${code ? ` (${code})` : ""}`);
  }
}

const RATE = /^\s*\d+(\.\d+)?\s*\/\s*(s|sec|min)\s*$/;
const SHOWN_FAILURES = 20;

function sibling(csv: string, suffix: string): string {
  return join(dirname(csv), `${basename(csv, extname(csv))}${suffix}`);
}

async function scan(path: string): Promise<{ layout: CsvLayout; rows: number }> {
  let layout: CsvLayout | undefined;
  let rows = 0;
  for await (const record of parseCsv(createReadStream(path, { encoding: "utf8" }))) {
    if (layout) rows++;
    else layout = readLayout(record);
  }
  return { layout: layout ?? readLayout(undefined), rows };
}

function describeResult(result: SendManyResult): Omit<ResultRow, "line" | "phone"> {
  const none = { requestId: "", messageId: "" };
  switch (result.status) {
    case "sent":
      return {
        status: "sent",
        detail: "",
        requestId: result.requestId ?? "",
        messageId: result.data.response.messages[0].id,
      };
    case "failed":
      return {
        status: "failed",
        detail: result.error.message,
        requestId: (result.error as { requestId?: string }).requestId ?? "",
        messageId: "",
      };
    case "skipped":
      return { status: "skipped", detail: "sent by an earlier run", ...none };
    case "duplicate":
      return {
        status: "duplicate",
        detail: `identical to recipient ${result.duplicateOf + 1} of this run; not sent again`,
        ...none,
      };
    case "unknown":
      return {
        status: "unknown",
        detail:
          result.reason === "in-flight-at-crash"
            ? "in flight when an earlier run stopped; check before sending again (--retry-unknown)"
            : `outcome unknown: ${result.error?.message ?? "an earlier run could not tell"}`,
        ...none,
      };
  }
}

export async function sendBulk(args: string[], io: Io): Promise<number> {
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
    io.stdout.write(SEND_BULK_HELP);
    return EXIT.ok;
  }
  const [templateId, ...extra] = positionals;
  if (!templateId) throw new UsageError('missing <template-id>. Run "kapsokit send-bulk --help" for usage.');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!values.csv) throw new UsageError("missing --csv <file>");
  const concurrency = wholeNumber("concurrency", values.concurrency, 1, 1000) ?? 4;
  if (values.rate !== undefined && !RATE.test(values.rate)) {
    throw new UsageError(`--rate must look like 100/min or 5/s, not "${values.rate}"`);
  }
  const rate = values.rate?.replace(/\s/g, "") as `${number}/min` | undefined;
  if (values["retry-unknown"] && !values.resume) throw new UsageError("--retry-unknown goes with --resume");
  if (values["no-journal"] && (values.journal || values.resume)) {
    throw new UsageError("--no-journal cannot be combined with --journal or --resume");
  }
  const dryRun = values["dry-run"] === true;
  const defaultHeader = headerFromFlags(values);

  const csvPath = resolve(io.cwd, values.csv);
  if (!existsSync(csvPath) || !statSync(csvPath).isFile())
    throw new UsageError(`cannot read the CSV file ${values.csv}`);
  const { layout, rows } = await scan(csvPath);

  const journalPath =
    dryRun || values["no-journal"]
      ? undefined
      : resolve(io.cwd, values.journal ?? sibling(csvPath, ".journal.jsonl"));
  if (journalPath) {
    const started = existsSync(journalPath) && statSync(journalPath).size > 0;
    if (started && !values.resume) {
      throw new UsageError(
        `the journal ${journalPath} holds an earlier run: pass --resume to continue it (sent rows are skipped), or delete it to start over`,
      );
    }
    if (!started && values.resume) throw new UsageError(`--resume: there is no journal at ${journalPath}`);
  }
  const resultsPath = resolve(
    io.cwd,
    values.results ?? sibling(csvPath, dryRun ? ".dry-run.csv" : ".results.csv"),
  );
  if (resultsPath === csvPath || journalPath === csvPath || resultsPath === journalPath) {
    throw new UsageError("the CSV, the journal and the results file must be three different files");
  }
  const kapso = createKapso(io, { baseUrl: values["base-url"], dryRun });
  // One read of the template first: a wrong id or key is one clear error, not one per row.
  await kapso.templates.get(templateId, { signal: io.abort });

  const journal = journalPath
    ? await openOrExplain("journal", journalPath, () => openFileJournal(journalPath, { fsync: values.fsync }))
    : undefined;
  let results: ResultsFile;
  try {
    results = await openOrExplain("results file", resultsPath, async () => createResultsFile(resultsPath));
  } catch (error) {
    await journal?.close();
    throw error;
  }
  const json = values.json === true;
  const progress = json ? undefined : createProgressReporter(io.stderr);
  const counts = { sent: 0, failed: 0, skipped: 0, unknown: 0, duplicate: 0 };
  const lines = new WeakMap<SendManyRecipient, number>();
  let shownFailures = 0;
  let badRows = 0;
  const startedAt = Date.now();

  const record = (row: ResultRow) => {
    results.write(row);
    if (json) {
      io.stdout.write(`${JSON.stringify(row)}\n`);
    } else if (row.status === "failed" || row.status === "unknown") {
      if (shownFailures < SHOWN_FAILURES) {
        const clear = io.stderr.isTTY ? "\r\x1b[2K" : "";
        io.stderr.write(
          `${clear}line ${row.line} (${row.phone || "no phone"}): ${row.status}: ${row.detail}\n`,
        );
      } else if (shownFailures === SHOWN_FAILURES) {
        io.stderr.write(`… more in ${resultsPath}\n`);
      }
      shownFailures++;
    }
  };

  async function* recipients(): AsyncGenerator<SendManyRecipient> {
    let header = true;
    for await (const csvRecord of parseCsv(createReadStream(csvPath, { encoding: "utf8" }))) {
      if (header) {
        header = false;
        continue;
      }
      if (io.stop?.aborted) return;
      const row = toRecipient(csvRecord, layout, defaultHeader);
      if ("error" in row) {
        counts.failed++;
        badRows++;
        record({
          line: csvRecord.line,
          phone: row.phone,
          status: "failed",
          detail: row.error,
          requestId: "",
          messageId: "",
        });
        continue;
      }
      lines.set(row.recipient, csvRecord.line);
      yield row.recipient;
    }
  }

  let interrupted = false;
  try {
    const run = kapso.templates.sendMany(recipients(), {
      templateId,
      concurrency,
      rate,
      journal,
      retryUnknown: values["retry-unknown"],
      total: rows,
      signal: io.abort,
      onProgress: (p: BulkProgress) => progress?.update(p, badRows),
    });
    for await (const result of run) {
      counts[result.status]++;
      const row = describeResult(result);
      record({
        line: lines.get(result.recipient) ?? 0,
        phone: result.recipient.to,
        ...row,
        status: dryRun && row.status === "sent" ? "valid" : row.status,
      });
    }
  } catch (error) {
    if (!io.abort?.aborted) throw error;
    interrupted = true;
  } finally {
    progress?.finish();
    results.close();
    await journal?.close();
  }
  interrupted ||= io.stop?.aborted === true;

  const elapsedMs = Date.now() - startedAt;
  const done = counts.sent + counts.failed + counts.skipped + counts.unknown;
  if (json) {
    const summary = {
      ...counts,
      rows,
      elapsedMs,
      interrupted,
      dryRun,
      results: resultsPath,
      journal: journalPath ?? null,
    };
    io.stdout.write(`${JSON.stringify({ summary })}\n`);
  } else if (dryRun) {
    io.stdout.write(
      `Dry run: ${counts.sent} of ${rows} rows are valid, ${counts.failed} are not; nothing was sent.\nResults: ${resultsPath}\n`,
    );
  } else {
    const rate = elapsedMs > 0 ? ` (${formatRate(((counts.sent + counts.failed) * 1000) / elapsedMs)})` : "";
    io.stdout.write(
      `${interrupted ? `Stopped after ${done} of ${rows} rows. ` : ""}Sent ${counts.sent}, failed ${counts.failed}, skipped ${counts.skipped}, unknown ${counts.unknown} of ${rows} rows in ${formatDuration(elapsedMs)}${rate}.\nResults: ${resultsPath}\n`,
    );
    if (journalPath && (interrupted || counts.unknown || counts.failed)) {
      io.stdout.write(
        `Journal: ${journalPath}; run the same command with --resume to ${interrupted ? "continue" : "retry the failed rows"}.\n`,
      );
    }
  }
  if (interrupted) return EXIT.interrupted;
  if (counts.unknown > 0) return EXIT.unknown;
  return counts.failed > 0 ? EXIT.failed : EXIT.ok;
}
