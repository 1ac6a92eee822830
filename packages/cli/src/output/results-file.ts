// The results file of a bulk send: one CSV row per recipient, written as results arrive,
// through a small buffer so a million rows cost neither a million writes nor memory.
import { closeSync, openSync, writeSync } from "node:fs";

const FLUSH_AT = 64 * 1024;

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

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export interface ResultsFile {
  write(row: ResultRow): void;
  close(): void;
}

/** Creates (or replaces) a results file and writes its header row. */
export function createResultsFile(path: string): ResultsFile {
  const fd = openSync(path, "w");
  let buffer = "line,phone,status,detail,request_id,message_id\n";
  const flush = () => {
    if (buffer) writeSync(fd, buffer);
    buffer = "";
  };
  return {
    write(row) {
      buffer += `${[String(row.line), row.phone, row.status, row.detail, row.requestId, row.messageId].map(csvField).join(",")}\n`;
      if (buffer.length >= FLUSH_AT) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
