// A streaming CSV parser (RFC 4180): quoted fields with "" escapes and line breaks, CRLF, LF
// or CR line ends, a UTF-8 byte order mark. It holds one record at a time, so a file of any
// size streams. A malformed record is yielded with an `error` and parsing carries on.

/** One record of a CSV file. */
export interface CsvRecord {
  fields: string[];
  /** The line the record starts on, from 1. */
  line: number;
  /** What is wrong with the record, when something is. */
  error?: string;
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

type State = "field-start" | "unquoted" | "quoted" | "quote-in-quoted";

/**
 * Parses CSV text given in chunks of any size (a `fs.ReadStream` with `encoding: "utf8"`).
 * Blank lines are skipped.
 *
 * @example
 * ```ts
 * for await (const { fields, line } of parseCsv(createReadStream("people.csv", "utf8"))) {}
 * ```
 */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRecord> {
  let state: State = "field-start";
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let error: string | undefined;
  let afterCR = false;
  let first = true;

  const endRecord = (): CsvRecord | undefined => {
    fields.push(field);
    const record: CsvRecord | undefined =
      fields.length === 1 && fields[0] === "" && !error ? undefined : { fields, line: recordLine };
    if (record && error) record.error = error;
    fields = [];
    field = "";
    error = undefined;
    state = "field-start";
    return record;
  };

  for await (let chunk of chunks) {
    if (first) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const records: CsvRecord[] = [];
    let start = 0; // where the unconsumed part of an unquoted or quoted field begins
    /** A CR or LF outside quotes at `i` ends the record; returns where the next one starts. */
    const endLine = (c: number, i: number): number => {
      line++;
      afterCR = c === CR;
      const record = endRecord();
      if (record) records.push(record);
      recordLine = line;
      return i + 1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (afterCR) {
        afterCR = false;
        // The LF of a CRLF: its line was counted at the CR. Inside quotes it stays in the text.
        if (c === LF) {
          if (state !== "quoted") start = i + 1;
          continue;
        }
      }
      switch (state) {
        case "field-start":
          if (c === QUOTE) {
            state = "quoted";
            start = i + 1;
          } else if (c === COMMA) {
            fields.push("");
            start = i + 1;
          } else if (c === CR || c === LF) {
            start = endLine(c, i);
          } else {
            state = "unquoted";
            start = i;
          }
          break;
        case "unquoted":
          if (c === COMMA) {
            fields.push(field + chunk.slice(start, i));
            field = "";
            state = "field-start";
            start = i + 1;
          } else if (c === CR || c === LF) {
            field += chunk.slice(start, i);
            start = endLine(c, i);
          } else if (c === QUOTE) {
            error ??= `line ${line}: a quote inside an unquoted field (quote the whole field and double the quote)`;
          }
          break;
        case "quoted":
          if (c === QUOTE) {
            field += chunk.slice(start, i);
            state = "quote-in-quoted";
          } else if (c === CR || c === LF) {
            line++;
            afterCR = c === CR;
          }
          break;
        case "quote-in-quoted":
          if (c === QUOTE) {
            field += '"';
            state = "quoted";
            start = i + 1;
          } else if (c === COMMA) {
            fields.push(field);
            field = "";
            state = "field-start";
            start = i + 1;
          } else if (c === CR || c === LF) {
            start = endLine(c, i);
          } else {
            error ??= `line ${line}: text after a closing quote`;
            state = "unquoted";
            start = i;
          }
          break;
      }
    }
    // Keep the unfinished field's text for the next chunk.
    if (state === "unquoted" || state === "quoted") field += chunk.slice(start);
    yield* records;
  }
  // `as State`: the state also changes inside endRecord, which narrowing does not see.
  if ((state as State) === "quoted") {
    error ??= `line ${recordLine}: a quoted field is never closed`;
  }
  if (state !== "field-start" || fields.length > 0 || error) {
    const record = endRecord();
    if (record) yield record;
  }
}
