// Whether what the user gave (flags for `send`, CSV columns and flags for `send-bulk`) fits
// the template, said in the words of the command line: which flag or column to add or drop.
// The client checks every send against the template too; this check runs once, before any
// send, so that a mistake every row shares is one message instead of one failure per row.
import { type HeaderShape, listPlaceholders, type TemplateShape } from "./shape.js";

/** "1 parameter", "2 parameters". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** A header's kind as the flags and columns name it. */
export type HeaderKind = "image" | "video" | "document" | "text";

/** What a send, or every row of a bulk send, gives. */
export interface GivenSend {
  /** `flags` for `send`, `csv` for `send-bulk` (whose rows may also take the header flags). */
  from: "flags" | "csv";
  /** Positional values (their count) or the names of named ones; none when nothing is given. */
  parameters: { positional: true; count: number } | { positional: false; names: string[] } | undefined;
  /** The `--header-*` flag given, if any. */
  headerFlag?: HeaderKind | undefined;
  /** The `header_*` columns of the CSV. */
  headerColumns?: HeaderKind[] | undefined;
}

const flagOf = (kind: HeaderKind) => `--header-${kind}${kind === "text" ? " <text>" : " <url>"}`;
const columnOf = (kind: HeaderKind) => `header_${kind}`;

function describeWanted(header: HeaderShape): string {
  if (header.kind === "media") {
    return `${header.type === "image" ? "an" : "a"} ${header.type} header`;
  }
  return header.kind === "text" ? "a text header with a placeholder" : "no header";
}

function headerProblems(t: TemplateShape, given: GivenSend): string[] {
  const { header } = t;
  const flag = given.headerFlag;
  const columns = given.headerColumns ?? [];
  if (header.kind === "location") {
    return [];
  }
  if (header.kind === "none" || header.kind === "fixed-text") {
    const what =
      header.kind === "none"
        ? `template ${t.name} has no header`
        : `template ${t.name}'s header is fixed text ("${header.text}")`;
    return [
      ...(flag ? [`${what}: drop --header-${flag}`] : []),
      ...columns.map((c) => `${what}: drop the CSV column ${columnOf(c)}`),
    ];
  }
  const wanted: HeaderKind = header.kind === "text" ? "text" : header.type;
  const problems: string[] = [];
  if (flag && flag !== wanted) {
    problems.push(`template ${t.name} has ${describeWanted(header)}, not ${flag}: use ${flagOf(wanted)}`);
  }
  for (const column of columns.filter((c) => c !== wanted)) {
    problems.push(
      `the CSV column ${columnOf(column)} does not fit template ${t.name}, which has ${describeWanted(header)} (use ${columnOf(wanted)})`,
    );
  }
  if (flag === undefined && !columns.includes(wanted)) {
    const or = given.from === "csv" ? `, or a ${columnOf(wanted)} column` : "";
    problems.push(`template ${t.name} has ${describeWanted(header)}: give ${flagOf(wanted)}${or}`);
  }
  return problems;
}

function positionalProblems(t: TemplateShape, given: GivenSend): string[] {
  const wanted = t.placeholders.length;
  const p = given.parameters;
  const list = listPlaceholders(t.placeholders);
  if (given.from === "flags") {
    const times = `give --param <value> ${wanted === 1 ? "once" : `${wanted} times, in order`}`;
    if (p === undefined) {
      return wanted === 0
        ? []
        : [`template ${t.name} takes ${count(wanted, "parameter")} (${list}): ${times}`];
    }
    if (wanted === 0) {
      return [`template ${t.name} takes no parameters: drop --param`];
    }
    if (!p.positional) {
      return [`template ${t.name} takes positional parameters (${list}), not named ones: ${times}`];
    }
    return p.count === wanted
      ? []
      : [`template ${t.name} takes ${count(wanted, "parameter")} (${list}), not ${p.count}: ${times}`];
  }
  const columns = Array.from({ length: wanted }, (_, i) => String(i + 1)).join(", ");
  if (p === undefined) {
    return wanted === 0
      ? []
      : [`template ${t.name} takes ${count(wanted, "parameter")} (${list}): add the CSV columns ${columns}`];
  }
  if (wanted === 0) {
    return [`template ${t.name} takes no parameters: drop the CSV parameter columns`];
  }
  if (!p.positional) {
    return [
      `template ${t.name} takes positional parameters (${list}): name the CSV columns ${columns}, not ${p.names.join(", ")}`,
    ];
  }
  return p.count === wanted
    ? []
    : [
        `template ${t.name} takes ${count(wanted, "parameter")} (${list}); the CSV has ${count(p.count, "parameter column")}`,
      ];
}

function namedProblems(t: TemplateShape, given: GivenSend): string[] {
  const p = given.parameters;
  const flags = t.placeholders.map((n) => `--param ${n}=…`).join(" ");
  if (given.from === "flags") {
    if (p === undefined || p.positional) {
      return [`template ${t.name} takes named parameters: give ${flags}`];
    }
    const missing = t.placeholders.filter((n) => !p.names.includes(n));
    const unknown = p.names.filter((n) => !t.placeholders.includes(n));
    return [
      ...unknown.map((n) => `template ${t.name} has no {{${n}}}: it takes ${flags}`),
      ...(missing.length
        ? [`template ${t.name} also needs ${missing.map((n) => `--param ${n}=…`).join(" ")}`]
        : []),
    ];
  }
  const names = t.placeholders.join(", ");
  if (p === undefined || p.positional) {
    return [`template ${t.name} takes named parameters: name the CSV columns ${names}`];
  }
  const missing = t.placeholders.filter((n) => !p.names.includes(n));
  const unknown = p.names.filter((n) => !t.placeholders.includes(n));
  return [
    ...(missing.length
      ? [`template ${t.name} needs the CSV columns ${names}; ${missing.join(", ")} is missing`]
      : []),
    ...unknown.map(
      (n) =>
        `the CSV column ${n} is not a placeholder of template ${t.name} (it has ${listPlaceholders(t.placeholders)})`,
    ),
  ];
}

/** One way a send does not fit its template: the part of the send (as the client names it) and what to do. */
export interface FitProblem {
  path: "templateId" | "parameters" | "header";
  message: string;
}

/**
 * Every way what was given does not fit the template, each naming the flag or column to add
 * or drop. Empty when it fits.
 *
 * @example
 * ```ts
 * fitProblems(shapeOf(template), { from: "csv", parameters: { positional: true, count: 2 } });
 * // [{ path: "header", message: "template appointment_reminder has an image header: give --header-image <url>, or a header_image column" }]
 * ```
 */
export function fitProblems(t: TemplateShape, given: GivenSend): FitProblem[] {
  const at = (path: FitProblem["path"]) => (message: string) => ({ path, message });
  return [
    ...(t.status === "approved"
      ? []
      : [`template ${t.name} is ${t.status}, not approved: WhatsApp sends approved templates only`]
    ).map(at("templateId")),
    ...(t.positional ? positionalProblems(t, given) : namedProblems(t, given)).map(at("parameters")),
    ...headerProblems(t, given).map(at("header")),
  ];
}
