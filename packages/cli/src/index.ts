// `@kapsokit/cli` as a library: run the command line in-process, and its CSV parser.
export type { CsvRecord } from "./csv/parse-csv.js";
export { parseCsv } from "./csv/parse-csv.js";
export { EXIT } from "./exit-codes.js";
export type { Io, OutputStream } from "./io.js";
export { HELP, run } from "./run.js";
