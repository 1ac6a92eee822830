// Files of a bulk-send test: a CSV of people, and the results file read back as records.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

/** Writes a file into the directory and returns its name. */
export function writeCsv(dir: string, name: string, text: string | Uint8Array): string {
  writeFileSync(join(dir, name), text);
  return name;
}

/** A CSV of `count` people for a template with {{1}} and {{2}}. */
export function people(count: number, from = 0): string {
  let text = "phone,1,2\n";
  for (let i = from; i < from + count; i++) {
    text += `+1415555${String(i).padStart(4, "0")},"Person, ${i}",code ${i}\n`;
  }
  return text;
}

/** The rows of a results file, by column name. */
export function readResults(dir: string, name: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, name)), { columns: true }) as Record<string, string>[];
}
