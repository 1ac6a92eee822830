#!/usr/bin/env node
// The `kapsokit` binary: the process's streams and signals handed to `run`.
import { run } from "./run.js";

const stop = new AbortController();
const abort = new AbortController();
const onSignal = () => {
  if (!stop.signal.aborted) {
    stop.abort();
    process.stderr.write("\nStopping: finishing the sends in flight (Ctrl-C again to abort them)…\n");
  } else {
    abort.abort(new Error("aborted with Ctrl-C"));
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
