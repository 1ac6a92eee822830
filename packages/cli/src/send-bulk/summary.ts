// The end of a bulk send: a summary (a line of JSON with --json) and the exit code.
import { fileProblem } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { formatDuration, formatRate } from "../output/format.js";
import type { BulkPlan } from "./plan.js";
import type { BulkOutcome } from "./run.js";

/** Prints the summary of a run and returns its exit code. */
export function summarize(plan: BulkPlan, outcome: BulkOutcome, io: Io): number {
  const { options, rows, results } = plan;
  const { counts, elapsedMs, stoppedBy } = outcome;
  const done = Object.values(counts).reduce((a, b) => a + b, 0);
  const resultsProblem = results.error && fileProblem(results.error, true);
  const journalPath = plan.journal ? options.journalPath : undefined;
  if (options.json) {
    const summary = {
      ...counts,
      rows,
      elapsedMs,
      interrupted: stoppedBy === "interrupt",
      dryRun: options.dryRun,
      results: results.path,
      ...(resultsProblem ? { resultsError: resultsProblem } : {}),
      journal: journalPath ?? null,
    };
    io.stdout.write(`${JSON.stringify({ summary })}\n`);
  } else if (options.dryRun) {
    io.stdout.write(
      `Dry run: ${counts.sent} of ${rows} rows are valid, ${counts.failed} are not; nothing was sent.\nResults: ${results.path}\n`,
    );
  } else {
    const answered = counts.sent + counts.failed;
    const rate = elapsedMs > 0 ? ` (${formatRate((answered * 1000) / elapsedMs)})` : "";
    const duplicate = counts.duplicate ? `, duplicate ${counts.duplicate}` : "";
    const lines = [
      `${stoppedBy ? `Stopped after ${done} of ${rows} rows. ` : ""}Sent ${counts.sent}, failed ${counts.failed}, skipped ${counts.skipped}, unknown ${counts.unknown}${duplicate} of ${rows} rows in ${formatDuration(elapsedMs)}${rate}.`,
      resultsProblem
        ? `Results: ${results.path} is incomplete: it could not be written (${resultsProblem}); the journal has every send.`
        : `Results: ${results.path}`,
    ];
    if (journalPath && (stoppedBy || counts.unknown || counts.failed)) {
      const action =
        stoppedBy === "results-file"
          ? "continue once the file can be written"
          : stoppedBy
            ? "continue"
            : "retry the failed rows";
      lines.push(`Journal: ${journalPath}; run the same command with --resume to ${action}.`);
    }
    io.stdout.write(`${lines.join("\n")}\n`);
  }
  if (stoppedBy === "interrupt") {
    return EXIT.interrupted;
  }
  if (resultsProblem) {
    return EXIT.resultsIncomplete;
  }
  if (counts.unknown > 0) {
    return EXIT.unknown;
  }
  return counts.failed > 0 ? EXIT.failed : EXIT.ok;
}
