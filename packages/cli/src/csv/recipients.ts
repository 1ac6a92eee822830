// Turns the records of a bulk-send CSV into recipients. The header names the columns:
// `phone` holds the number; `1`, `2`, … are positional parameters and any other name is a
// named one; `header_text`, `header_image`, `header_video`, `header_document` and
// `header_filename` give a row its own header; `button_0`, `button_1`, … hold the text for the
// `{{1}}` of the URL button at that position.
import type { SendManyRecipient } from "@kapsokit/client";
import { UsageError } from "../errors.js";
import type { CsvRecord } from "./read-csv.js";

type Header = NonNullable<SendManyRecipient["header"]>;

const HEADER_COLUMNS = [
  "header_text",
  "header_image",
  "header_video",
  "header_document",
  "header_filename",
] as const;
type HeaderColumn = (typeof HEADER_COLUMNS)[number];

/** Where each value of a row is. */
export interface CsvLayout {
  width: number;
  phone: number;
  /** Parameter columns, in placeholder order for positional ones. */
  parameters: { name: string; index: number }[];
  positional: boolean;
  headerColumns: Partial<Record<HeaderColumn, number>>;
  /** URL button columns: the button's position and the column's index. */
  buttons: { position: number; index: number }[];
}

const BUTTON_COLUMN = /^button_(\d+)$/;

/** Why a header row may lack its `phone` column: a capital letter, or another separator. */
function missingPhoneHint(names: string[]): string {
  const cased = names.find((name) => name.toLowerCase() === "phone");
  if (cased) {
    return `; column names are lower case: rename "${cased}" to "phone"`;
  }
  const [only] = names;
  for (const [separator, name] of [
    [";", "semicolons"],
    ["\t", "tabs"],
  ] as const) {
    if (names.length === 1 && only?.includes(separator)) {
      return `; the file looks separated by ${name}: kapsokit reads comma-separated CSV (save or export it with commas)`;
    }
  }
  return "";
}

/** The kinds of header the CSV's `header_*` columns give. */
export function headerColumnKinds(layout: CsvLayout): ("text" | "image" | "video" | "document")[] {
  return (["text", "image", "video", "document"] as const).filter(
    (kind) => layout.headerColumns[`header_${kind}`] !== undefined,
  );
}

/** Reads the header row, or throws a `UsageError` that says what is wrong with it. */
export function readLayout(record: CsvRecord | undefined): CsvLayout {
  if (!record) {
    throw new UsageError("the CSV file is empty: it needs a header row with a `phone` column");
  }
  if (record.error) {
    throw new UsageError(`the CSV header row is malformed: ${record.error}`);
  }
  const names = record.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (name === "") {
      throw new UsageError("the CSV header row has an empty column name");
    }
    if (seen.has(name)) {
      throw new UsageError(`the CSV header row names the column "${name}" twice`);
    }
    seen.add(name);
  }
  const phone = names.indexOf("phone");
  if (phone < 0) {
    throw new UsageError(
      `the CSV header row has no "phone" column (it has: ${names.join(", ")})${missingPhoneHint(names)}`,
    );
  }
  const headerColumns: CsvLayout["headerColumns"] = {};
  const parameters: { name: string; index: number }[] = [];
  const buttons: CsvLayout["buttons"] = [];
  names.forEach((name, index) => {
    if (index === phone) {
      return;
    }
    const button = BUTTON_COLUMN.exec(name);
    if ((HEADER_COLUMNS as readonly string[]).includes(name)) {
      headerColumns[name as HeaderColumn] = index;
    } else if (button) {
      buttons.push({ position: Number(button[1]), index });
    } else {
      parameters.push({ name, index });
    }
  });
  for (const [i, { position, index }] of buttons.entries()) {
    if (position > 9) {
      throw new UsageError(`the CSV column "${names[index]}": a template's buttons are at positions 0 to 9`);
    }
    if (buttons.findIndex((b) => b.position === position) !== i) {
      throw new UsageError(`the CSV header row names URL button ${position} twice`);
    }
  }
  const numbered = parameters.filter((p) => /^\d+$/.test(p.name));
  const positional = numbered.length > 0;
  if (positional && numbered.length !== parameters.length) {
    throw new UsageError(
      `the CSV mixes positional (${numbered.map((p) => p.name).join(", ")}) and named parameter columns (${parameters
        .filter((p) => !/^\d+$/.test(p.name))
        .map((p) => p.name)
        .join(", ")}); a template uses one kind`,
    );
  }
  if (positional) {
    parameters.sort((a, b) => Number(a.name) - Number(b.name));
    parameters.forEach((p, i) => {
      if (Number(p.name) !== i + 1) {
        throw new UsageError(
          `positional parameter columns must be numbered 1 to ${parameters.length}; "${p.name}" is out of place`,
        );
      }
    });
  }
  return { width: names.length, phone, parameters, positional, headerColumns, buttons };
}

function rowHeader(fields: string[], layout: CsvLayout): Header | string | undefined {
  const value = (column: HeaderColumn) => {
    const index = layout.headerColumns[column];
    const text = index === undefined ? "" : (fields[index] ?? "").trim();
    return text === "" ? undefined : text;
  };
  const given = (["header_text", "header_image", "header_video", "header_document"] as const).filter(
    (c) => value(c) !== undefined,
  );
  if (given.length > 1) {
    return `give one header per row, not ${given.join(" and ")}`;
  }
  const filename = value("header_filename");
  const [column] = given;
  if (!column) {
    return filename === undefined ? undefined : "header_filename needs a header_document";
  }
  const content = value(column)!;
  if (column === "header_text") {
    return { type: "text", text: content };
  }
  if (column === "header_document") {
    return filename ? { type: "document", url: content, filename } : { type: "document", url: content };
  }
  if (filename !== undefined) {
    return "header_filename is only for a header_document";
  }
  return { type: column === "header_image" ? "image" : "video", url: content };
}

/** The recipient of one data row, or what is wrong with the row. */
export function toRecipient(
  record: CsvRecord,
  layout: CsvLayout,
  defaultHeader: Header | undefined,
): { recipient: SendManyRecipient } | { error: string; phone: string } {
  const phone = (record.fields[layout.phone] ?? "").trim();
  if (record.error) {
    return { error: record.error, phone };
  }
  if (record.fields.length !== layout.width) {
    return {
      error: `line ${record.line}: ${record.fields.length} fields, the header has ${layout.width}`,
      phone,
    };
  }
  const values = layout.parameters.map(({ name, index }) => [name, record.fields[index]!] as const);
  const parameters = layout.positional ? values.map(([, v]) => v) : Object.fromEntries(values);
  const header = rowHeader(record.fields, layout);
  if (typeof header === "string") {
    return { error: `line ${record.line}: ${header}`, phone };
  }
  const recipient: SendManyRecipient = { to: phone };
  if (values.length > 0) {
    recipient.parameters = parameters;
  }
  const chosen = header ?? defaultHeader;
  if (chosen) {
    recipient.header = chosen;
  }
  // An empty button cell gives that row no value (the template check says if it needs one).
  const buttons = layout.buttons.filter(({ index }) => (record.fields[index] ?? "").trim() !== "");
  if (buttons.length > 0) {
    recipient.buttons = Object.fromEntries(
      buttons.map(({ position, index }) => [position, record.fields[index]!]),
    );
  }
  return { recipient };
}
