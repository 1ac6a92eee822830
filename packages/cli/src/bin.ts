#!/usr/bin/env node
// The `kapsokit` binary: the process's streams and signals handed to `run`.
import { favourSmallHeap } from "./memory.js";
import { run } from "./run.js";

favourSmallHeap();

const stop = new AbortController();
const abort = new AbortController();
// The first signal asks the command to stop (each says what that means for it); the second aborts.
const onSignal = (signal: NodeJS.Signals) => {
  if (!stop.signal.aborted) {
    stop.abort(signal);
  } else {
    abort.abort(new Error(`aborted with ${signal}`));
  }
};
// `kapsokit templates list | head -1` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") {
      process.exit(process.exitCode ?? 0);
    }
  });
}
// A failure outside any command (a background write, say) still ends with a message.
process.on("uncaughtException", (error) => {
  process.stderr.write(
    `kapsokit: internal error: ${error.message}${process.env.KAPSO_DEBUG ? `\n${error.stack}` : ""}\n`,
  );
  process.exit(70);
});
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stop: stop.signal,
  abort: abort.signal,
});
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
