// Reads a CSV file's records with csv-parse, one at a time, so a file of any size streams.
//
// The bytes are parsed as latin1, one character per byte: commas, quotes and line breaks are
// ASCII and never part of a multi-byte UTF-8 sequence, so the records split exactly where they
// would in UTF-8. Each field is then decoded as UTF-8 with a fatal decoder: a row with invalid
// bytes fails with its line number instead of being sent with replacement characters.
//
// Line numbers are counted here from each record's raw text (csv-parse counts a CRLF inside
// quotes as two lines). A malformed file (a stray quote, a quote never closed, a record too
// large to be a row) is an error at the line of the record it happens in: past a broken quote
// nobody can tell where the next record starts.
import { Readable } from "node:stream";
import { type CsvError, type Options, parse } from "csv-parse";
import { UsageError } from "../errors.js";

/** One record of a CSV file. */
export interface CsvRecord {
  fields: string[];
  /** The line the record starts on, from 1. */
  line: number;
  /** What is wrong with the record (its bytes are not UTF-8), when something is. */
  error?: string;
}

/** The file cannot be read as CSV from this line on. */
export class MalformedCsvError extends UsageError {
  override name = "MalformedCsvError";
  readonly line: number;
  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.line = line;
  }
}

/** A record longer than this is a quote left open, not a row: memory stays bounded. */
export const MAX_RECORD_BYTES = 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];

const REASONS: Record<string, string> = {
  INVALID_OPENING_QUOTE: "a quote inside an unquoted field (quote the whole field and double the quote)",
  CSV_INVALID_CLOSING_QUOTE: "text after a closing quote (quote the whole field and double the quote)",
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
  CSV_MAX_RECORD_SIZE: `a record longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB (a quote never closed?)`,
};

/** Line breaks in a record's raw text: CRLF, LF and CR each end one line. */
function lineBreaks(raw: string): number {
  let count = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 || (c === 13 && raw.charCodeAt(i + 1) !== 10)) {
      count++;
    }
  }
  return count;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const lossy = new TextDecoder("utf-8");

/** Drops a UTF-8 byte order mark at the start of the bytes, however they are chunked. */
async function* withoutBom(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>) {
  let head: Buffer | undefined = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
    if (head === undefined) {
      yield bytes;
      continue;
    }
    head = Buffer.concat([head, bytes]);
    if (head.length < BOM.length && BOM.slice(0, head.length).every((b, i) => head![i] === b)) {
      continue;
    }
    const rest = BOM.every((b, i) => head![i] === b) ? head.subarray(BOM.length) : head;
    head = undefined;
    if (rest.length > 0) {
      yield rest;
    }
  }
  if (head !== undefined && head.length > 0 && !BOM.every((b, i) => head![i] === b)) {
    yield head;
  }
}

/**
 * The records of CSV bytes given in chunks of any size (a `fs.ReadStream`): RFC 4180 quoting,
 * CRLF, LF or CR line ends (mixed too), a UTF-8 byte order mark. Blank lines are skipped.
 * Throws a {@link MalformedCsvError} where the file stops being CSV.
 *
 * @example
 * ```ts
 * for await (const { fields, line, error } of readCsv(createReadStream("people.csv"))) {}
 * ```
 */
export async function* readCsv(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
): AsyncGenerator<CsvRecord> {
  let nextLine = 1;
  // With `raw`, each record comes as `{ record, raw }`, raw being its text with its line end.
  const onRecord = ({ record, raw }: { record: string[]; raw: string }): CsvRecord | null => {
    const line = nextLine;
    nextLine += lineBreaks(raw);
    return record.length === 1 && record[0] === "" ? null : toRecord(record, line); // null: a blank line
  };
  const parser = parse({
    encoding: "latin1",
    raw: true,
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: MAX_RECORD_BYTES,
    on_record: onRecord as unknown as Options["on_record"],
  });
  const source = Readable.from(withoutBom(chunks));
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<CsvRecord>) {
      yield record;
    }
  } catch (error) {
    const reason = REASONS[(error as CsvError).code];
    if (reason) {
      throw new MalformedCsvError(nextLine, reason);
    }
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

function toRecord(latin1: string[], line: number): CsvRecord {
  const fields: string[] = [];
  let error: string | undefined;
  for (const [i, field] of latin1.entries()) {
    const bytes = Buffer.from(field, "latin1");
    try {
      fields.push(utf8.decode(bytes));
    } catch {
      // Kept only to show the row (its phone, say) in the report; the row is never sent.
      fields.push(lossy.decode(bytes));
      error ??= `line ${line}: field ${i + 1} is not valid UTF-8 text (save the file as UTF-8)`;
    }
  }
  return error === undefined ? { fields, line } : { fields, line, error };
}
