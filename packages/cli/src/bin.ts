#!/usr/bin/env node
// The `kapsokit` binary: the process's streams and signals handed to `run`.
import { favourSmallHeap } from "./memory.js";
import { run } from "./run.js";

favourSmallHeap();

const stop = new AbortController();
const abort = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (!stop.signal.aborted) {
    stop.abort();
    if (signal === "SIGINT")
      process.stderr.write("\nStopping: nothing new starts; Ctrl-C again aborts what is in flight.\n");
  } else {
    abort.abort(new Error(`aborted with ${signal}`));
  }
};
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
