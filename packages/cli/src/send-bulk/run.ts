// The run of a bulk send: the CSV's rows, streamed, become recipients of the bulk engine;
// each result becomes a row of the results file (and a JSON line with --json), and the
// progress display follows along.
import type { BulkStatus, RateInput, SendManyRecipient } from "@kapsokit/client";
import { toRecipient } from "../csv/recipients.js";
import { fileProblem } from "../errors.js";
import type { Io } from "../io.js";
import { createProgressReporter, type Progress } from "../output/progress.js";
import type { ResultRow } from "../output/results-file.js";
import { describeResult } from "./describe-result.js";
import { type BulkPlan, csvRecords } from "./plan.js";

const SHOWN_FAILURES = 20;

/** How a run ended. */
export interface BulkOutcome {
  counts: Record<BulkStatus, number>;
  elapsedMs: number;
  /** What stopped the run before its end: Ctrl-C, or a results file that could not be written. */
  stoppedBy: "interrupt" | "results-file" | undefined;
}

/** The line of each recipient the engine was given, by its index: 4 bytes a row. */
class LineIndex {
  #lines = new Uint32Array(1024);
  #size = 0;
  push(line: number): void {
    if (this.#size === this.#lines.length) {
      const grown = new Uint32Array(this.#lines.length * 2);
      grown.set(this.#lines);
      this.#lines = grown;
    }
    this.#lines[this.#size++] = line;
  }
  at(index: number): number {
    return this.#lines[index] ?? 0;
  }
}

/** Runs the plan to its end (or until stopped) and returns the counts. */
export async function runBulkSend(plan: BulkPlan, io: Io): Promise<BulkOutcome> {
  const { options, results, layout } = plan;
  const progress = options.json ? undefined : createProgressReporter(io.stderr);
  const counts: Record<BulkStatus, number> = { sent: 0, failed: 0, skipped: 0, unknown: 0, duplicate: 0 };
  const lines = new LineIndex();
  const startedAt = Date.now();
  let stoppedBy: BulkOutcome["stoppedBy"];
  let shownFailures = 0;
  let badRows = 0;

  const record = (row: ResultRow) => {
    results.write(row);
    if (results.error && !stoppedBy) {
      stoppedBy = "results-file";
      io.stderr.write(
        `${io.stderr.isTTY ? "\r\x1b[2K" : ""}kapsokit: cannot write the results file ${results.path}: ${fileProblem(results.error, true)}; no new rows are taken\n`,
      );
    }
    if (options.json) {
      io.stdout.write(`${JSON.stringify(row)}\n`);
    } else if (row.status === "failed" || row.status === "unknown") {
      if (shownFailures < SHOWN_FAILURES) {
        const clear = io.stderr.isTTY ? "\r\x1b[2K" : "";
        io.stderr.write(
          `${clear}line ${row.line} (${row.phone || "no phone"}): ${row.status}: ${row.detail}\n`,
        );
      } else if (shownFailures === SHOWN_FAILURES) {
        io.stderr.write(`… more in ${results.path}\n`);
      }
      shownFailures++;
    }
  };

  async function* recipients(): AsyncGenerator<SendManyRecipient> {
    let header = true;
    for await (const csvRecord of csvRecords(plan.csvPath)) {
      if (header) {
        header = false;
        continue;
      }
      if (io.stop?.aborted || stoppedBy) {
        return;
      }
      const row = toRecipient(csvRecord, layout, options.defaultHeader);
      if ("error" in row) {
        counts.failed++;
        badRows++;
        const failed = { status: "failed", detail: row.error, requestId: "", messageId: "" };
        record({ line: csvRecord.line, phone: row.phone, ...failed });
        continue;
      }
      lines.push(csvRecord.line);
      yield row.recipient;
    }
  }

  try {
    const run = plan.kapso.templates.sendMany(recipients(), {
      templateId: plan.templateId,
      concurrency: options.concurrency,
      rate: options.rate as RateInput | undefined,
      journal: plan.journal,
      retryUnknown: options.retryUnknown,
      total: plan.rows,
      signal: io.abort,
      onProgress: (p: Progress) => progress?.update(p, badRows),
    });
    for await (const result of run) {
      counts[result.status]++;
      const row = describeResult(result, (index) => lines.at(index));
      record({
        line: lines.at(result.index),
        phone: result.recipient.to,
        ...row,
        status: options.dryRun && row.status === "sent" ? "valid" : row.status,
      });
    }
  } catch (error) {
    if (!io.abort?.aborted) {
      throw error;
    }
    stoppedBy = "interrupt";
  } finally {
    progress?.finish();
    results.close();
    await plan.journal?.close();
  }
  if (io.stop?.aborted) {
    stoppedBy ??= "interrupt";
  }
  return { counts, elapsedMs: Date.now() - startedAt, stoppedBy };
}
