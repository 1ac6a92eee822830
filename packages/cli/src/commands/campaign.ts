// `kapsokit campaign status <id>`: a campaign's progress read from Redis, from any terminal
// or machine; `--watch` follows it with the same bar as send-bulk until it ends.
import type { BulkProgress } from "@kapsokit/client";
import type { CampaignStatus } from "@kapsokit/queue";
import { parseCommand } from "../args.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { createProgressReporter } from "../output/progress.js";
import { openQueueModule } from "../queue/load-queue.js";

export const CAMPAIGN_HELP = `Usage: kapsokit campaign status <campaign-id> [--queue <redis-url>] [--watch]

Shows a campaign's progress as Redis records it: recipients sent, failed, unknown, in
flight and queued; the rate in force; the coordinator holding it, if any. Needs only the
Redis URL, not the API key.

  --queue <url>     redis://…, rediss://…, or "env"; without it, KAPSO_QUEUE_URL
  --watch           follow it with a progress bar until it is done or stopped (Ctrl-C leaves)
  --json            the status as JSON (with --watch, one line per second)
`;

const WATCH_EVERY_MS = 1_000;

function toProgress(status: CampaignStatus, elapsedMs: number, ratePerSecond: number): BulkProgress {
  const { sent, failed, unknown } = status.records;
  const completed = sent + failed + unknown + status.duplicate;
  const left = status.total === undefined ? undefined : Math.max(0, status.total - completed);
  return {
    started: completed + status.records.attempting + status.records.queued,
    completed,
    sent,
    failed,
    skipped: 0,
    unknown,
    duplicate: status.duplicate,
    inFlight: status.records.attempting,
    rateLimited: status.rateLimited,
    paused: false,
    elapsedMs,
    ratePerSecond,
    total: status.total,
    etaMs: left === undefined || ratePerSecond === 0 ? undefined : (left / ratePerSecond) * 1000,
  };
}

function describe(status: CampaignStatus): string {
  const { sent, failed, unknown, attempting, queued } = status.records;
  const of = status.total === undefined ? "" : ` of ${status.total}`;
  const lines = [
    `Campaign ${status.campaignId}: ${status.state}${status.coordinator ? `, run by ${status.coordinator}` : ""}`,
    `  template   ${status.templateId}`,
    `  recipients sent ${sent} · failed ${failed} · unknown ${unknown} · duplicate ${status.duplicate}${of}; ${attempting} in flight, ${queued} queued`,
    `  rate       ${status.plan ? `${status.plan.limit} per ${status.plan.perMs / 1000}s (up to ${status.plan.max} every ${status.plan.duration} ms)` : "the server's (X-RateLimit-Limit), or none"}; 429s so far: ${status.rateLimited}`,
    `  queue      ${status.queueName}: ${status.jobs.waiting} waiting, ${status.jobs.active} active, ${status.jobs.failed} failed (every campaign of this API key)`,
  ];
  if (status.createdAt) {
    lines.push(`  created    ${status.createdAt.toISOString()}`);
  }
  if (status.finishedAt) {
    lines.push(`  finished   ${status.finishedAt.toISOString()}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function campaign(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("campaign", args, {
    queue: { type: "string" },
    watch: { type: "boolean" },
  });
  const [sub, campaignId, ...extra] = positionals;
  if (values.help || sub === undefined) {
    io.stdout.write(CAMPAIGN_HELP);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (sub !== "status") {
    throw new UsageError(`unknown subcommand "campaign ${sub}"; try "kapsokit campaign status <id>"`);
  }
  if (!campaignId) {
    throw new UsageError("missing <campaign-id>");
  }
  if (extra.length) {
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  }
  const { queue, redis } = await openQueueModule(values.queue, io.env);
  const json = values.json === true;
  const read = () => queue.readCampaignStatus(redis, campaignId);
  if (!values.watch) {
    const status = await read();
    io.stdout.write(json ? `${JSON.stringify(status)}\n` : describe(status));
    return EXIT.ok;
  }
  const reporter = json ? undefined : createProgressReporter(io.stderr);
  const startedAt = Date.now();
  let first: { at: number; completed: number } | undefined;
  let status = await read();
  while (true) {
    const completed = status.records.sent + status.records.failed + status.records.unknown + status.duplicate;
    first ??= { at: Date.now(), completed };
    const seconds = (Date.now() - first.at) / 1000;
    const rate = seconds > 0 ? (completed - first.completed) / seconds : 0;
    if (json) {
      io.stdout.write(`${JSON.stringify(status)}\n`);
    } else {
      reporter?.update(toProgress(status, Date.now() - startedAt, rate), 0);
    }
    if (status.state === "done" || status.state === "stopped" || io.stop?.aborted) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, WATCH_EVERY_MS));
    status = await read();
  }
  reporter?.finish();
  if (!json) {
    io.stdout.write(describe(status));
  }
  return EXIT.ok;
}
