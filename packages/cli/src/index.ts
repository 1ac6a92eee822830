// `@kapsokit/cli` as a library: run the command line in-process.
export { EXIT } from "./exit-codes.js";
export type { Io, OutputStream } from "./io.js";
export { HELP, run } from "./run.js";
