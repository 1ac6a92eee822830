// The command line's entry: picks the command, runs it, and turns whatever it ends with into
// a message and an exit code.

import { campaign } from "./commands/campaign.js";
import { mock } from "./commands/mock.js";
import { send } from "./commands/send.js";
import { sendBulk } from "./commands/send-bulk.js";
import { templates } from "./commands/templates.js";
import { worker } from "./commands/worker.js";
import { UsageError } from "./errors.js";
import { EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";
import { describeError } from "./output/report-error.js";
import { VERSION } from "./version.js";

export const HELP = `kapsokit ${VERSION}: send WhatsApp template messages through the Kapso API

Usage: kapsokit <command> [options]

Commands:
  send <template-id> --to <phone> [--param <v> …]   send one template message
  send-bulk <template-id> --csv <file>              send to every row of a CSV, resumable
    … --queue <redis-url>                           … through the workers of a Redis queue
  worker [--queue <redis-url>]                      send the queued campaigns of this API key
  campaign status <campaign-id>                     a queued campaign's progress, from anywhere
  templates list [--status approved]                list templates
  templates get <template-id>                       show one template
  mock [--port 4010]                                run a local mock of the API

Every command takes --help, --json and --base-url <url>.

Environment:
  KAPSO_API_KEY    the API key (required, except for mock)
  KAPSO_BASE_URL   the API's base URL (default https://app.kapso.ai/api/v1)
  KAPSO_QUEUE_URL  Redis for --queue env, and for worker and campaign without --queue
  KAPSO_LOG        the client's log level: off (default), error, warn, info, debug
  KAPSO_DEBUG      set to show stack traces of internal errors

Exit codes:
  0    done: everything was sent
  1    the API refused a send, or some recipients of a bulk send failed
  2    bad usage or input (flags, API key, CSV header, phone number): nothing was sent
  3    a send's outcome is unknown: check before sending it again
  70   an internal error
  74   send-bulk's results file could not be written to the end (the summary says what was sent)
  130  stopped with Ctrl-C
`;

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  send,
  "send-bulk": sendBulk,
  templates,
  mock,
  worker,
  campaign,
};

/** What each command says on the first Ctrl-C: what stops now, and what a second one does. */
export const STOP_TEXT: Record<string, string> = {
  send: "Stopping: the send in flight finishes; Ctrl-C again aborts it (its outcome is then unknown).",
  "send-bulk": "Stopping: nothing new starts; Ctrl-C again aborts what is in flight.",
  templates: "Stopping: Ctrl-C again aborts the request.",
  mock: "Stopping the mock server.",
};

/**
 * Runs the command line with these arguments (without `node` and the script) and returns
 * the exit code. Every error is reported on `io.stderr` (or as JSON on `io.stdout` with
 * `--json`); none is thrown.
 *
 * @example
 * ```ts
 * const code = await run(["templates", "list", "--json"], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 * ```
 */
export async function run(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  const json = rest.includes("--json");
  const onStop = () => io.stderr.write(`\n${STOP_TEXT[command ?? ""]}\n`);
  try {
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      io.stdout.write(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === "--version" || command === "-v") {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    const handler = COMMANDS[command];
    if (!handler) {
      throw new UsageError(`unknown command "${command}". Run "kapsokit --help" for the commands.`);
    }
    io.stop?.addEventListener("abort", onStop, { once: true });
    return await handler(rest, io);
  } catch (error) {
    const report = describeError(error, Boolean(io.env.KAPSO_DEBUG));
    if (json) {
      io.stdout.write(`${JSON.stringify({ error: report.json })}\n`);
    } else {
      io.stderr.write(`kapsokit: ${report.message}\n`);
    }
    return report.exitCode;
  } finally {
    io.stop?.removeEventListener("abort", onStop);
  }
}
