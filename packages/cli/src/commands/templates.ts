// `kapsokit templates list` and `kapsokit templates get <id>`.
import type { ListTemplatesParams, WhatsappTemplate } from "@kapsokit/client";
import { parseCommand, wholeNumber } from "../args.js";
import { createKapso } from "../client.js";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { describeHeader, shapeOf } from "../template/shape.js";

export const TEMPLATES_HELP = `Usage: kapsokit templates list [options]
       kapsokit templates get <template-id> [--json]

Commands:
  list    list templates (every page, or one with --page)
  get     show one template: status, header, placeholders, body

Run "kapsokit templates list --help" or "kapsokit templates get --help" for their options.
`;

export const TEMPLATES_LIST_HELP = `Usage: kapsokit templates list [options]

Lists templates, with their header and placeholders.

  --status <s>         draft, submitted, approved, rejected or disabled
  --category <c>       MARKETING, UTILITY or AUTHENTICATION
  --name <text>        the name contains this text
  --language <code>    such as en_US
  --page <n>, --per-page <n>   one page (default: every page)
  --json               JSON instead of a table
  --base-url <url>     the API's base URL (default KAPSO_BASE_URL, then the Kapso API)
`;

export const TEMPLATES_GET_HELP = `Usage: kapsokit templates get <template-id> [options]

Shows one template: status, language, category, header, placeholders and body.

  --json               the template as the API returns it
  --base-url <url>     the API's base URL (default KAPSO_BASE_URL, then the Kapso API)
`;

const STATUSES = ["draft", "submitted", "approved", "rejected", "disabled"] as const;
const CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, not "${value}"`);
  }
  return value as T;
}

/** The placeholders a template's body uses, and its header. */
function shape(template: WhatsappTemplate): { parameters: string; header: string; fixedText?: string } {
  const { placeholders, header } = shapeOf(template);
  return {
    parameters: placeholders.join(" "),
    header: describeHeader(header),
    ...(header.kind === "fixed-text" ? { fixedText: header.text } : {}),
  };
}

/** One line per button; a URL button whose address ends in a placeholder says how to fill it. */
function buttonLines(template: WhatsappTemplate): string[] {
  const buttons = template.components?.find((c) => c.type === "BUTTONS")?.buttons ?? [];
  return buttons.map((button, i) => {
    const url = button.url ? ` ${button.url}` : "";
    const value =
      button.type === "URL" && /\{\{\s*\w+\s*\}\}/.test(button.url ?? "") ? ` (--button ${i}=<text>)` : "";
    return `  ${i === 0 ? "buttons" : "       "}     ${i} ${button.type} "${button.text ?? ""}"${url}${value}`;
  });
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export async function templates(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === "--help" || sub === "-h" || sub === "help") {
    io.stdout.write(TEMPLATES_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (sub === "list") {
    return list(rest, io);
  }
  if (sub === "get") {
    return get(rest, io);
  }
  throw new UsageError(`unknown templates command "${sub}": use "templates list" or "templates get <id>"`);
}

async function list(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("templates list", args, {
    status: { type: "string" },
    category: { type: "string" },
    name: { type: "string" },
    language: { type: "string" },
    page: { type: "string" },
    "per-page": { type: "string" },
  });
  if (values.help) {
    io.stdout.write(TEMPLATES_LIST_HELP);
    return EXIT.ok;
  }
  if (positionals.length) {
    throw new UsageError(`unexpected argument "${positionals[0]}"`);
  }
  const params: ListTemplatesParams = {};
  const status = oneOf("status", values.status, STATUSES);
  const category = oneOf("category", values.category, CATEGORIES);
  if (status) {
    params.status = status;
  }
  if (category) {
    params.category = category;
  }
  if (values.name) {
    params.name = values.name;
  }
  if (values.language) {
    params.languageCode = values.language;
  }
  const page = wholeNumber("page", values.page, 1);
  const perPage = wholeNumber("per-page", values["per-page"], 1, 100);
  if (page !== undefined) {
    params.page = page;
  }
  if (perPage !== undefined) {
    params.perPage = perPage;
  }
  const kapso = createKapso(io, { baseUrl: values["base-url"] });

  const found: WhatsappTemplate[] = [];
  if (page !== undefined) {
    found.push(...(await kapso.templates.list(params, { signal: io.abort })).data);
  } else {
    for await (const template of kapso.templates.list(params, { signal: io.abort })) {
      found.push(template);
    }
  }

  if (values.json) {
    io.stdout.write(`${JSON.stringify(found)}\n`);
    return EXIT.ok;
  }
  if (found.length === 0) {
    io.stdout.write("No templates match.\n");
    return EXIT.ok;
  }
  const rows = [["ID", "NAME", "LANGUAGE", "CATEGORY", "STATUS", "HEADER", "PARAMETERS"]];
  for (const t of found) {
    const { parameters, header } = shape(t);
    rows.push([
      t.id,
      t.name,
      t.language_code,
      t.category,
      t.status,
      header === "none" ? "-" : header,
      parameters || "-",
    ]);
  }
  io.stdout.write(`${table(rows)}\n`);
  return EXIT.ok;
}

async function get(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand("templates get", args, {});
  if (values.help) {
    io.stdout.write(TEMPLATES_GET_HELP);
    return EXIT.ok;
  }
  const [id, ...extra] = positionals;
  if (!id) {
    throw new UsageError('missing <template-id>. Run "kapsokit templates get --help" for usage.');
  }
  if (extra.length) {
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  }
  const kapso = createKapso(io, { baseUrl: values["base-url"] });
  const { data } = await kapso.templates.get(id, { signal: io.abort });
  if (values.json) {
    io.stdout.write(`${JSON.stringify(data)}\n`);
    return EXIT.ok;
  }
  const { parameters, header, fixedText } = shape(data);
  const lines = [
    `${data.name} (${data.id})`,
    `  status      ${data.status}`,
    `  language    ${data.language_code}`,
    `  category    ${data.category}`,
    `  header      ${fixedText === undefined ? header : `${header}: "${fixedText}" (sends give no header)`}`,
    `  parameters  ${parameters || "none"}`,
    `  body        ${data.content}`,
    ...buttonLines(data),
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
