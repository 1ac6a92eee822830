// `kapsokit send-bulk <template-id> --csv <file>`: a template to every row of a CSV, paced,
// journaled and resumable, with a progress display and a results file.
// It reads as its four steps: the options, the plan (every check before the first send),
// the run, the summary.
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { previewColors } from "../output/preview.js";
import { readBulkOptions, SEND_BULK_HELP } from "../send-bulk/options.js";
import { planBulkSend } from "../send-bulk/plan.js";
import { runBulkSend } from "../send-bulk/run.js";
import { summarize } from "../send-bulk/summary.js";

export { SEND_BULK_HELP };

export async function sendBulk(args: string[], io: Io): Promise<number> {
  // With --queue, workers send through Redis: its own module, loaded only then.
  if (args.some((arg) => arg === "--queue" || arg.startsWith("--queue="))) {
    const { sendBulkViaQueue } = await import("../queue/send-bulk-queue.js");
    return sendBulkViaQueue(args, io);
  }
  const read = readBulkOptions(args, io);
  if (read === "help") {
    io.stdout.write(SEND_BULK_HELP);
    return EXIT.ok;
  }
  const plan = await planBulkSend(read.options, read.problems, io);
  const outcome = await runBulkSend(plan, io);
  if (plan.previews) {
    io.stdout.write(await plan.previews.format(plan.template, previewColors(io)));
  }
  return summarize(plan, outcome, io);
}
