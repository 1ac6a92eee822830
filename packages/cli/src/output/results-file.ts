// The results file of a bulk send: one CSV row per recipient (written by csv-stringify), as
// results arrive, through a small buffer so a million rows cost neither a million writes nor
// memory.
//
// A results file holds the message ids of what a run sent, so no run replaces one that holds
// rows: a resumed run writes `people.results.2.csv` beside `people.results.csv`, and so on.
// The file is opened and its header row written before the first send, so a path that cannot
// be written stops the run before it starts. A write that fails later (a full disk) does not
// throw: the file keeps the error, takes no more rows, and the run reports it at the end.
import { closeSync, existsSync, openSync, statSync, writeSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { stringify } from "csv-stringify/sync";

const FLUSH_AT = 64 * 1024;

export const RESULT_COLUMNS = ["line", "phone", "status", "detail", "request_id", "message_id"] as const;

/** One row of the results file. */
export interface ResultRow {
  /** The line of the input CSV the recipient is on. */
  line: number;
  phone: string;
  status: string;
  detail: string;
  requestId: string;
  /** The WhatsApp message id of a send that went out. */
  messageId: string;
}

export interface ResultsFile {
  /** The file written, which may be a numbered sibling of the path asked for. */
  readonly path: string;
  /** Whether the file was made by this run (nothing was there before). */
  readonly created: boolean;
  /** The first write that failed, if one did; rows after it are not written. */
  readonly error: Error | undefined;
  write(row: ResultRow): void;
  /** Writes what is buffered and closes the file; a failure is kept in `error`. */
  close(): void;
}

const toLine = (cells: readonly string[]) => stringify([cells as string[]], { record_delimiter: "unix" });

/** Writes all of `text`: a write near a size limit may take only part of it. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) {
    done += writeSync(fd, bytes, done);
  }
}

/** `people.results.csv`, then `people.results.2.csv`, `people.results.3.csv`, … */
function numbered(path: string, n: number): string {
  if (n === 1) {
    return path;
  }
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.${n}${ext}`);
}

/** Whether writing `path` would replace rows someone kept: a regular file that is not empty. */
function holdsRows(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size > 0;
  } catch {
    return false;
  }
}

/**
 * Opens the results file of a run and writes its header row. With `replace`, `path` itself is
 * written (a dry run's file); without, the first of `path`, `path.2`, … that holds no rows.
 * Throws the file system's error when the file cannot be opened or written.
 *
 * @example
 * ```ts
 * const results = openResultsFile("people.results.csv", { replace: false });
 * results.write({ line: 2, phone: "+14155550123", status: "sent", detail: "", requestId: "", messageId: "wamid.1" });
 * results.close();
 * ```
 */
export function openResultsFile(path: string, options: { replace: boolean }): ResultsFile {
  let n = 1;
  while (!options.replace && holdsRows(numbered(path, n))) {
    n++;
  }
  const chosen = numbered(path, n);
  const created = !existsSync(chosen);
  const fd = openSync(chosen, "w");
  try {
    writeAll(fd, toLine(RESULT_COLUMNS));
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let buffer = "";
  let error: Error | undefined;
  const flush = () => {
    if (buffer && !error) {
      try {
        writeAll(fd, buffer);
      } catch (e) {
        error = e as Error;
      }
    }
    buffer = "";
  };
  return {
    path: chosen,
    created,
    get error() {
      return error;
    },
    write(row) {
      if (error) {
        return;
      }
      buffer += toLine([String(row.line), row.phone, row.status, row.detail, row.requestId, row.messageId]);
      if (buffer.length >= FLUSH_AT) {
        flush();
      }
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
