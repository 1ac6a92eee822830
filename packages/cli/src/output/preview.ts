// What a dry run shows before anything is sent: each message as its recipient will read it,
// rendered by @kapsokit/testing's renderMessage (the inspector page's own rendering), with
// every filled-in value marked and named, so a wrong parameter order shows at a glance.
import type { TemplateMessage, WhatsappTemplate } from "@kapsokit/client";
import type { MessagePart, RenderedMessage } from "@kapsokit/testing";
import type { Io } from "../io.js";

/** How many messages a bulk dry run shows. */
export const PREVIEW_ROWS = 3;

/** Whether to mark values with the terminal's underline instead of brackets. */
export function previewColors(io: Io): boolean {
  return io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== "dumb";
}

const mark = (text: string, color: boolean) => (color ? `\x1b[1;4m${text}\x1b[22;24m` : `[${text}]`);
const missing = (name: string, color: boolean) =>
  color ? `\x1b[31m{{${name}}}\x1b[39m` : `[missing {{${name}}}]`;

function inline(parts: readonly MessagePart[], color: boolean): string {
  return parts
    .map((part) =>
      part.kind === "text"
        ? part.text
        : part.kind === "parameter"
          ? mark(part.value, color)
          : missing(part.name, color),
    )
    .join("");
}

/** `{{1}} = "Ana", {{2}} = "Friday at 3 PM"`: which value fills which placeholder. */
function legend(rendered: RenderedMessage): string {
  const seen = new Map<string, string>();
  const note = (parts: readonly MessagePart[], prefix: string) => {
    for (const part of parts) {
      if (part.kind === "parameter") {
        seen.set(`${prefix}{{${part.name}}}`, JSON.stringify(part.value));
      }
    }
  };
  if (rendered.header?.kind === "text") {
    note(rendered.header.parts, "header ");
  }
  note(rendered.body, "");
  for (const [index, button] of rendered.buttons.entries()) {
    note(button.urlParts ?? [], `button ${index} `);
  }
  return [...seen].map(([name, value]) => `${name} = ${value}`).join(", ");
}

/** The lines of one rendered message, boxed and indented. */
export function formatRendered(rendered: RenderedMessage, color: boolean): string {
  const lines: string[] = [];
  const { header } = rendered;
  if (header?.kind === "text") {
    lines.push(inline(header.parts, color));
  } else if (header?.kind === "location") {
    lines.push("Location");
  } else if (header) {
    const kind = header.kind[0]?.toUpperCase() + header.kind.slice(1);
    const name = header.filename ? ` ${header.filename}` : "";
    lines.push(`${kind}${name}: ${header.url ?? "no address given"}`);
  }
  lines.push(...inline(rendered.body, color).split("\n"));
  if (rendered.footer !== null) {
    lines.push(rendered.footer);
  }
  for (const button of rendered.buttons) {
    const target = button.urlParts
      ? `: ${inline(button.urlParts, color)}`
      : button.phoneNumber
        ? `: ${button.phoneNumber}`
        : "";
    lines.push(`Button "${button.text}"${target}`);
  }
  const named = legend(rendered);
  return [
    `  ┌ ${rendered.templateName} to ${rendered.to}`,
    ...lines.map((line) => `  │ ${line}`),
    `  └${named ? ` ${named}` : ""}`,
    ...rendered.problems.map((problem) => `  ! ${problem.message}`),
  ].join("\n");
}

/**
 * A message as its recipient will read it, for the terminal. `@kapsokit/testing` is loaded
 * only here, so commands that show no preview do not load the mock.
 */
export async function formatPreview(
  template: WhatsappTemplate,
  message: TemplateMessage,
  color: boolean,
): Promise<string> {
  const { renderMessage } = await import("@kapsokit/testing");
  return formatRendered(renderMessage(template, message), color);
}

/** Keeps the first few sends of a dry run, to preview once it is over. */
export class PreviewCollector {
  readonly #limit: number;
  readonly messages: TemplateMessage[] = [];
  /** Sends seen in all, shown or not. */
  seen = 0;

  constructor(limit = PREVIEW_ROWS) {
    this.#limit = limit;
  }

  /** Takes the wire body of one send (`{ template: { … } }`). */
  readonly collect = (body: unknown): void => {
    this.seen += 1;
    const message = (body as { template?: TemplateMessage } | null)?.template;
    if (message && this.messages.length < this.#limit) {
      this.messages.push(message);
    }
  };

  /** The kept messages as their recipients will read them, under a heading. */
  async format(template: WhatsappTemplate, color: boolean): Promise<string> {
    if (this.messages.length === 0) {
      return "";
    }
    const shown = await Promise.all(this.messages.map((message) => formatPreview(template, message, color)));
    const heading =
      this.seen > this.messages.length
        ? `The first ${this.messages.length} of ${this.seen} messages, as the customers will see them:`
        : `The ${this.messages.length === 1 ? "message" : `${this.messages.length} messages`}, as the customer${this.messages.length === 1 ? "" : "s"} will see ${this.messages.length === 1 ? "it" : "them"}:`;
    return `${heading}\n${shown.join("\n")}\n`;
  }
}
