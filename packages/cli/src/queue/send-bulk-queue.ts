// `kapsokit send-bulk <template-id> --csv <file> --queue <redis-url>`: the same bulk send,
// handed to `kapsokit worker`s through Redis. This process coordinates: it streams the CSV
// into a bounded number of jobs, shows the same progress bar and writes the same results
// file as a local send-bulk, and can be killed and resumed.
import { createReadStream, existsSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { SendManyRecipient } from "@kapsokit/client";
import type { CampaignResult } from "@kapsokit/queue";
import { parseCommand, wholeNumber } from "../args.js";
import { createKapso } from "../client.js";
import { HEADER_OPTIONS, headerFromFlags } from "../commands/header-flags.js";
import { MalformedCsvError, readCsv } from "../csv/read-csv.js";
import { type CsvLayout, readLayout, toRecipient } from "../csv/recipients.js";
import { fileProblem, UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { formatDuration, formatRate } from "../output/format.js";
import { createProgressReporter } from "../output/progress.js";
import { openResultsFile, type ResultRow, type ResultsFile } from "../output/results-file.js";
import { columnProblems } from "../send-bulk/plan.js";
import { shapeOf } from "../template/shape.js";
import { newCampaignId, readCampaignFile, writeCampaignFile } from "./campaign-file.js";
import { openQueueModule } from "./load-queue.js";

export const SEND_BULK_QUEUE_HELP = `Usage: kapsokit send-bulk <template-id> --csv <file> --queue <redis-url> [options]

Hands the sends to the \`kapsokit worker\`s of the API key, through Redis, and waits for
them: the same CSV, progress bar and results file as without --queue. Run as many workers
as you like, on as many machines; every one of them holding the key shares one rate limit.

  --queue <url>            redis://[user:password@]host:port[/db], rediss:// for TLS, or
                           "env" to read it from KAPSO_QUEUE_URL (keeps the password out
                           of the process list)
  --csv <file>             the recipients (streamed: any size works)
  --rate <n/min | n/s>     at most this many sends in any minute, for all workers together
                           (without it, the pace of the server's X-RateLimit-Limit)
  --max-in-flight <n>      sends on the wire at once for the key, over all workers (default 16)
  --window <n>             jobs waiting in Redis at once (default 1000)
  --campaign <id>          the campaign's name in Redis (default: from the CSV's name)
  --journal <file>         the campaign file (default <csv>.campaign.json)
  --resume                 continue the campaign: sent rows are skipped, failed rows are
                           sent again, rows in flight when it stopped are reported unknown
  --retry-unknown          with --resume, send the unknown rows again (may duplicate them)
  --durability everysec    accept Redis with appendfsync everysec (default: always is
                           required): a Redis crash may then forget the last second of
                           attempts and message those recipients twice
  --results <file>         one row per recipient (default <csv>.results.csv)
  --header-image|--header-video|--header-document <url>, --filename <name>, --header-text <t>
  --json                   one JSON line per recipient, then a summary line

Follow it from another terminal: kapsokit campaign status <id> --queue <url> --watch

Exit codes: 0 all sent, 1 some failed, 2 bad usage, input or Redis, 3 some outcomes unknown
(also when Redis lost the campaign), 130 stopped with Ctrl-C (run again with --resume).
`;

const SHOWN_FAILURES = 20;
const RATE = /^\s*\d+(\.\d+)?\s*\/\s*(s|sec|min)\s*$/;

function sibling(csv: string, suffix: string): string {
  return join(dirname(csv), `${basename(csv, extname(csv))}${suffix}`);
}

async function scan(given: string, path: string): Promise<{ layout: CsvLayout; rows: number }> {
  let layout: CsvLayout | undefined;
  let rows = 0;
  try {
    for await (const record of readCsv(createReadStream(path))) {
      if (layout) {
        rows++;
      } else {
        layout = readLayout(record);
      }
    }
  } catch (error) {
    if (error instanceof MalformedCsvError) {
      throw new UsageError(
        `the CSV file ${given} is malformed at ${error.message}; nothing past it can be read safely`,
      );
    }
    throw error;
  }
  return { layout: layout ?? readLayout(undefined), rows };
}

function describe(result: CampaignResult<SendManyRecipient>): Omit<ResultRow, "line" | "phone"> {
  switch (result.status) {
    case "sent":
      return {
        status: "sent",
        detail: "",
        requestId: result.requestId ?? "",
        messageId: result.messageId ?? "",
      };
    case "failed":
      return { status: "failed", detail: result.detail, requestId: result.requestId ?? "", messageId: "" };
    case "unknown":
      return { status: "unknown", detail: result.detail, requestId: "", messageId: "" };
    case "skipped":
      return {
        status: "skipped",
        detail: "sent by an earlier run",
        requestId: "",
        messageId: result.messageId ?? "",
      };
    case "duplicate":
      return {
        status: "duplicate",
        detail: `identical to recipient ${result.duplicateOf + 1} of this run; not sent again`,
        requestId: "",
        messageId: "",
      };
  }
}

export async function sendBulkViaQueue(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("send-bulk", args, {
    csv: { type: "string" },
    queue: { type: "string" },
    campaign: { type: "string" },
    durability: { type: "string" },
    "max-in-flight": { type: "string" },
    window: { type: "string" },
    rate: { type: "string" },
    journal: { type: "string" },
    resume: { type: "boolean" },
    "retry-unknown": { type: "boolean" },
    results: { type: "string" },
    // Local-only flags, parsed to say so rather than "unknown option".
    concurrency: { type: "string" },
    "no-journal": { type: "boolean" },
    fsync: { type: "boolean" },
    "dry-run": { type: "boolean" },
    ...HEADER_OPTIONS,
  });
  if (values.help) {
    io.stdout.write(SEND_BULK_QUEUE_HELP);
    return EXIT.ok;
  }
  for (const [flag, instead] of [
    ["concurrency", "--max-in-flight (all workers together) or each worker's own --concurrency"],
    ["no-journal", "nothing: the records in Redis are the journal"],
    ["fsync", "Redis's appendfsync always (required by default)"],
    ["dry-run", "a local run: drop --queue"],
  ] as const) {
    if (values[flag] !== undefined) {
      throw new UsageError(`--${flag} does not apply with --queue; use ${instead}`);
    }
  }
  const [templateId, ...extra] = positionals;
  if (!templateId) {
    throw new UsageError('missing <template-id>. Run "kapsokit send-bulk --help" for usage.');
  }
  if (extra.length) {
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  }
  if (!values.csv) {
    throw new UsageError("missing --csv <file>");
  }
  if (values.rate !== undefined && !RATE.test(values.rate)) {
    throw new UsageError(`--rate must look like 100/min or 5/s, not "${values.rate}"`);
  }
  if (values.durability !== undefined && values.durability !== "always" && values.durability !== "everysec") {
    throw new UsageError(`--durability is "always" (the default) or "everysec", not "${values.durability}"`);
  }
  if (values["retry-unknown"] && !values.resume) {
    throw new UsageError("--retry-unknown goes with --resume");
  }
  const maxInFlight = wholeNumber("max-in-flight", values["max-in-flight"], 1, 10_000);
  const window = wholeNumber("window", values.window, 1, 1_000_000);
  const defaultHeader = headerFromFlags(values);
  const { queue: queueModule, redis: redisUrl } = await openQueueModule(values.queue, io.env);

  const csvPath = resolve(io.cwd, values.csv);
  if (!existsSync(csvPath) || !statSync(csvPath).isFile()) {
    throw new UsageError(`cannot read the CSV file ${values.csv}`);
  }
  const campaignPath = resolve(io.cwd, values.journal ?? sibling(csvPath, ".campaign.json"));
  const resultsPath = resolve(io.cwd, values.results ?? sibling(csvPath, ".results.csv"));
  if (new Set([csvPath, campaignPath, resultsPath]).size < 3) {
    throw new UsageError("the CSV, the campaign file and the results file must be three different files");
  }
  const recorded = readCampaignFile(campaignPath);
  if (recorded && !values.resume) {
    throw new UsageError(
      `the campaign file ${campaignPath} names campaign ${recorded.campaignId}, started earlier: pass --resume to continue it, or delete the file to start a new campaign`,
    );
  }
  if (values.resume && !recorded && !values.campaign) {
    throw new UsageError(
      `--resume: there is no campaign file at ${campaignPath}; name the campaign with --campaign <id>`,
    );
  }
  if (recorded && values.campaign && recorded.campaignId !== values.campaign) {
    throw new UsageError(`--campaign ${values.campaign}: the campaign file names ${recorded.campaignId}`);
  }
  if (recorded && recorded.templateId !== templateId) {
    throw new UsageError(
      `campaign ${recorded.campaignId} sends template ${recorded.templateId}, not ${templateId}`,
    );
  }
  const campaignId = recorded?.campaignId ?? values.campaign ?? newCampaignId(csvPath);

  const { layout, rows } = await scan(values.csv, csvPath);
  // One read of the template first: a wrong id or key is one clear error, not one per row,
  // and columns that do not fit it are refused before any job reaches Redis.
  const kapso = createKapso(io, { baseUrl: values["base-url"] });
  const { data: template } = await kapso.templates.get(templateId, { signal: io.abort });
  const misfits = columnProblems(shapeOf(template), layout, defaultHeader?.type);
  if (misfits.length > 0) {
    throw new UsageError(misfits);
  }

  let results: ResultsFile;
  try {
    // A file that holds rows of an earlier run is kept: this run writes <file>.2.csv, …
    results = openResultsFile(resultsPath, { replace: false });
  } catch (error) {
    throw new UsageError(`cannot write the results file ${resultsPath}: ${fileProblem(error, true)}`);
  }
  const json = values.json === true;
  const progress = json ? undefined : createProgressReporter(io.stderr);
  const clear = () => (io.stderr.isTTY ? "\r\x1b[2K" : "");
  const say = (line: string) => io.stderr.write(`${clear()}${line}\n`);
  const lines = new WeakMap<SendManyRecipient, number>();
  const counts = { sent: 0, failed: 0, skipped: 0, unknown: 0, duplicate: 0 };
  let badRows = 0;
  let shownFailures = 0;
  let started = false;

  const record = (row: ResultRow) => {
    results.write(row);
    if (json) {
      io.stdout.write(`${JSON.stringify(row)}\n`);
    } else if (row.status === "failed" || row.status === "unknown") {
      if (shownFailures < SHOWN_FAILURES) {
        say(`line ${row.line} (${row.phone || "no phone"}): ${row.status}: ${row.detail}`);
      } else if (shownFailures === SHOWN_FAILURES) {
        say(`… more in ${results.path}`);
      }
      shownFailures++;
    }
  };

  async function* recipients(): AsyncGenerator<SendManyRecipient> {
    let header = true;
    for await (const csvRecord of readCsv(createReadStream(csvPath))) {
      if (header) {
        header = false;
        continue;
      }
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

  const startedAt = Date.now();
  const campaign = queueModule.runCampaign<SendManyRecipient>({
    redis: redisUrl,
    apiKey: io.env.KAPSO_API_KEY?.trim(),
    campaignId,
    templateId,
    recipients: recipients(),
    resume: values.resume === true,
    rate: values.rate?.replace(/\s/g, ""),
    maxInFlight,
    window,
    retryUnknown: values["retry-unknown"],
    durability: values.durability as "always" | "everysec" | undefined,
    total: rows,
    stop: io.stop,
    signal: io.abort,
    onStarted: ({ redis, run }) => {
      started = true;
      if (!recorded) {
        writeCampaignFile(campaignPath, {
          campaignId,
          templateId,
          redis,
          csv: csvPath,
          createdAt: new Date().toISOString(),
        });
      }
      if (!json) {
        say(
          `Campaign ${campaignId} (run ${run}) on ${redis}: ${rows} rows for the workers of this API key. Follow it elsewhere with: kapsokit campaign status ${campaignId} --queue … --watch`,
        );
      }
    },
    // Nothing to show until the campaign has started: a refusal is then its only words.
    onProgress: (p) => {
      if (started) {
        progress?.update(p, badRows);
      }
    },
    onNotice: (message) => say(message),
  });

  let ending: Error | undefined;
  try {
    for await (const result of campaign) {
      counts[result.status]++;
      record({ line: lines.get(result.recipient) ?? 0, phone: result.recipient.to, ...describe(result) });
    }
  } catch (error) {
    ending = error as Error;
  } finally {
    if (started) {
      progress?.finish();
    }
    results.close();
  }
  const report = await campaign.report.catch(() => undefined);
  // Refused before anything ran (Redis, its settings, the lock): the error says why, and the
  // results file this run made goes again.
  if (ending && !started) {
    if (results.created) {
      unlinkSync(results.path);
    }
    throw ending;
  }

  const elapsedMs = Date.now() - startedAt;
  const done = counts.sent + counts.failed + counts.skipped + counts.unknown + counts.duplicate;
  const interrupted = report?.interrupted === true || ending !== undefined;
  const lost = report?.lost === true;
  if (json) {
    const summary = {
      ...counts,
      rows,
      elapsedMs,
      interrupted,
      lost,
      campaign: campaignId,
      results: results.path,
    };
    io.stdout.write(`${JSON.stringify({ summary })}\n`);
  } else {
    const rate = elapsedMs > 0 ? ` (${formatRate(((counts.sent + counts.failed) * 1000) / elapsedMs)})` : "";
    const dupes = counts.duplicate ? `, duplicate ${counts.duplicate}` : "";
    io.stdout.write(
      `${interrupted ? `Stopped after ${done} of ${rows} rows. ` : ""}Sent ${counts.sent}, failed ${counts.failed}, skipped ${counts.skipped}, unknown ${counts.unknown}${dupes} of ${rows} rows in ${formatDuration(elapsedMs)}${rate}.\nResults: ${results.path}\n`,
    );
    if (lost) {
      io.stdout.write(
        `Redis lost campaign ${campaignId}: every row without a recorded outcome is reported unknown, and the campaign will not be enqueued again. Check those rows before sending them in a new campaign.\n`,
      );
    } else if (interrupted || counts.failed || counts.unknown) {
      io.stdout.write(
        `Campaign ${campaignId} (${campaignPath}); run the same command with --resume to ${interrupted ? "continue" : "retry the failed rows"}.\n`,
      );
    }
  }
  if (ending) {
    io.stderr.write(`kapsokit: ${ending.message}\n`);
    return io.abort?.aborted ? EXIT.interrupted : EXIT.failed;
  }
  if (lost || counts.unknown > 0) {
    return EXIT.unknown;
  }
  if (interrupted) {
    return EXIT.interrupted;
  }
  return counts.failed > 0 ? EXIT.failed : EXIT.ok;
}
