// A template message as the customer will see it: the template's header, body, footer and
// buttons with the send's values filled in. Browser-safe (the inspector page runs it too), so
// it imports nothing from Node, and it fills placeholders with core's one pattern.
import type { TemplateButton, TemplateComponent, TemplateMessage, WhatsappTemplate } from "@kapsokit/core";
import { placeholders, splitPlaceholders } from "@kapsokit/core/internal";

/** A run of a rendered text: literal template text, a filled-in value, or a placeholder left empty. */
export type MessagePart =
  | { kind: "text"; text: string }
  /** The value of placeholder `{{name}}`, as the send gave it. */
  | { kind: "parameter"; name: string; value: string }
  /** A placeholder the send gave no value for; the customer would not get this message. */
  | { kind: "missing"; name: string };

/** The header a customer sees above the body. */
export type RenderedHeader =
  | { kind: "text"; parts: MessagePart[] }
  /** A media header: its address (`header_params`) and, for a document, the file name shown. */
  | { kind: "image" | "video" | "document"; url: string | null; filename: string | null }
  | { kind: "location" };

/** One button under the message. */
export interface RenderedButton {
  /** WhatsApp's kind: `URL`, `QUICK_REPLY`, `PHONE_NUMBER`, `COPY_CODE`, … */
  type: string;
  /** The label. */
  text: string;
  /** A URL button's final address, its placeholder filled in; null when a value is missing or the button has no address. */
  url: string | null;
  /** A URL button's address in parts, so a viewer can mark the filled-in value; null for other buttons. */
  urlParts: MessagePart[] | null;
  /** The number a PHONE_NUMBER button calls. */
  phoneNumber: string | null;
}

/** Something in the send that does not fit the template, in plain words. */
export interface RenderProblem {
  kind:
    | "missing-parameter"
    | "extra-parameter"
    | "parameter-kind"
    | "header"
    | "missing-button-parameter"
    | "extra-button-parameter";
  message: string;
}

/** A template message as its recipient will see it. */
export interface RenderedMessage {
  templateName: string;
  languageCode: string;
  /** The recipient, `phone_number`, as sent. */
  to: string;
  header: RenderedHeader | null;
  /** The body: literal text and filled-in values, in order. */
  body: MessagePart[];
  footer: string | null;
  buttons: RenderedButton[];
  /** What does not fit: empty when the message renders as the template intends. */
  problems: RenderProblem[];
  /**
   * The text a customer reads, one part per line: the header's text, the body, the footer and
   * the buttons' labels. A placeholder without a value stays `{{name}}`.
   */
  text: string;
}

/**
 * Renders a send as its recipient will see it: the template's header (its text filled in, or
 * the media's kind, address and file name), the body with each `{{placeholder}}` replaced by
 * the send's value (kept apart, so a viewer can mark them), the footer, and the buttons with
 * their final addresses. Whatever does not fit the template, such as a missing or an extra
 * parameter, is listed in `problems` instead of being thrown.
 *
 * @param template The template, as `kapso.templates.get()` or the mock's store returns it.
 * @param message The send's `template` object, as on the wire (`phone_number`, `template_parameters`, …).
 *
 * @example
 * ```ts
 * import { fixtures, renderMessage } from "@kapsokit/testing";
 *
 * const rendered = renderMessage(fixtures.appointmentReminder, {
 *   phone_number: "+14155550123",
 *   template_parameters: ["Ana", "Friday at 3 PM"],
 *   header_type: "image",
 *   header_params: "https://example.com/reminder.jpg",
 * });
 * rendered.text; // "Hi Ana, this is a reminder of your appointment on Friday at 3 PM.\nReply STOP to opt out"
 * rendered.body[1]; // { kind: "parameter", name: "1", value: "Ana" }
 * rendered.header; // { kind: "image", url: "https://example.com/reminder.jpg", filename: null }
 * rendered.problems; // []
 * ```
 */
export function renderMessage(template: WhatsappTemplate, message: TemplateMessage): RenderedMessage {
  const problems: RenderProblem[] = [];
  const components = template.components ?? [];
  const component = (type: TemplateComponent["type"]) => components.find((c) => c.type === type);

  const bodyText = component("BODY")?.text ?? template.content ?? "";
  const body = fillBody(bodyText, message.template_parameters, problems);
  const header = renderHeader(component("HEADER"), message, problems);
  const footer = component("FOOTER")?.text ?? null;
  const buttons = renderButtons(
    component("BUTTONS")?.buttons ?? [],
    message.button_url_params ?? {},
    problems,
  );

  const lines = [
    ...(header?.kind === "text" ? [plain(header.parts)] : []),
    plain(body),
    ...(footer === null ? [] : [footer]),
    ...buttons.map((b) => b.text),
  ];
  return {
    templateName: template.name,
    languageCode: template.language_code,
    to: message.phone_number,
    header,
    body,
    footer,
    buttons,
    problems,
    text: lines.filter((line) => line !== "").join("\n"),
  };
}

/** Parts as plain text; a placeholder without a value stays `{{name}}`. */
export function plain(parts: readonly MessagePart[]): string {
  return parts
    .map((part) =>
      part.kind === "text" ? part.text : part.kind === "parameter" ? part.value : `{{${part.name}}}`,
    )
    .join("");
}

const isPositional = (name: string) => /^\d+$/.test(name);

type Parameters = TemplateMessage["template_parameters"];

/** The body's parts, and a problem for each placeholder without a value and each value without a placeholder. */
function fillBody(text: string, given: Parameters, problems: RenderProblem[]): MessagePart[] {
  const names = placeholders(text);
  const positional = Array.isArray(given);
  const named = names.length > 0 && !names.every(isPositional);
  const wrongKind = given !== undefined && names.length > 0 && (named ? positional : !positional);
  if (wrongKind) {
    problems.push({
      kind: "parameter-kind",
      message: named
        ? `the template's placeholders are named (${list(names)}), but positional parameters were given`
        : `the template's placeholders are positional (${list(names)}), but named parameters were given`,
    });
  }
  const valueFor = (name: string): string | undefined => {
    if (Array.isArray(given)) {
      return isPositional(name) ? stringOf(given[Number(name) - 1]) : undefined;
    }
    return given !== undefined && Object.hasOwn(given, name) ? stringOf(given[name]) : undefined;
  };

  const parts = fill(text, valueFor);
  if (wrongKind) {
    return parts;
  }
  const count = Array.isArray(given) ? given.length : Object.keys(given ?? {}).length;
  const counted = `${names.length} placeholder${names.length === 1 ? "" : "s"} in the body, ${count} parameter${count === 1 ? "" : "s"} given`;
  for (const name of names) {
    const value = valueFor(name);
    if (value === undefined) {
      problems.push({ kind: "missing-parameter", message: `{{${name}}} has no value (${counted})` });
    } else if (value.trim() === "") {
      problems.push({ kind: "missing-parameter", message: `{{${name}}} is empty` });
    }
  }
  if (Array.isArray(given)) {
    given.forEach((value, index) => {
      if (!names.includes(String(index + 1))) {
        problems.push({
          kind: "extra-parameter",
          message: `parameter ${index + 1} (${JSON.stringify(value)}) fills no placeholder (${counted})`,
        });
      }
    });
  } else if (given !== undefined) {
    for (const [name, value] of Object.entries(given)) {
      if (!names.includes(name)) {
        problems.push({
          kind: "extra-parameter",
          message: `parameter "${name}" (${JSON.stringify(value)}) fills no placeholder; the body has ${names.length === 0 ? "none" : list(names)}`,
        });
      }
    }
  }
  return parts;
}

function renderHeader(
  component: TemplateComponent | undefined,
  message: TemplateMessage,
  problems: RenderProblem[],
): RenderedHeader | null {
  const given = message.header_type;
  const problem = (text: string) => problems.push({ kind: "header", message: text });
  if (!component) {
    if (given !== undefined) {
      problem(`the template has no header, but a ${given} header was given`);
    }
    return null;
  }
  const format = component.format ?? "TEXT";
  if (format === "LOCATION") {
    return { kind: "location" };
  }
  if (format === "TEXT") {
    if (given !== undefined && given !== "text") {
      problem(`the template's header is text, but a ${given} header was given`);
    }
    const text = component.text ?? "";
    const value = given === "text" ? message.header_params : undefined;
    if (placeholders(text).length === 0) {
      if (value !== undefined && value !== text) {
        problem(
          `the template's header is the fixed text ${JSON.stringify(text)}; the header text given (${JSON.stringify(value)}) is not shown`,
        );
      }
      return { kind: "text", parts: text === "" ? [] : [{ kind: "text", text }] };
    }
    const parts = fill(text, () => value);
    for (const part of parts) {
      if (part.kind === "missing") {
        problem(`the header's {{${part.name}}} has no value (header_params)`);
      }
    }
    return { kind: "text", parts };
  }
  const kind = format.toLowerCase() as "image" | "video" | "document";
  const article = kind === "image" ? "an" : "a";
  if (given === undefined) {
    problem(`the template's header is ${article} ${kind}, but no header was given`);
  } else if (given !== kind) {
    problem(`the template's header is ${article} ${kind}, but a ${given} header was given`);
  } else if (!message.header_params) {
    problem(`the ${kind} header has no address (header_params)`);
  }
  const matches = given === kind;
  return {
    kind,
    url: matches ? message.header_params || null : null,
    filename: matches && kind === "document" ? (message.header_filename ?? null) : null,
  };
}

function renderButtons(
  buttons: readonly TemplateButton[],
  given: Record<string, string>,
  problems: RenderProblem[],
): RenderedButton[] {
  const rendered = buttons.map((button, index): RenderedButton => {
    const text = button.text ?? "";
    const base = { type: button.type, text, url: null, urlParts: null, phoneNumber: null };
    if (button.type === "PHONE_NUMBER") {
      return { ...base, phoneNumber: button.phone_number ?? null };
    }
    if (button.type !== "URL" || button.url === undefined) {
      return base;
    }
    if (placeholders(button.url).length === 0) {
      return { ...base, url: button.url, urlParts: [{ kind: "text", text: button.url }] };
    }
    const value = Object.hasOwn(given, String(index)) ? stringOf(given[String(index)]) : undefined;
    const urlParts = fill(button.url, () => value);
    if (value === undefined || value === "") {
      problems.push({
        kind: "missing-button-parameter",
        message: `button ${index} (${JSON.stringify(text)}) needs a value for its address ${button.url} (button_url_params["${index}"])`,
      });
      return { ...base, urlParts };
    }
    return { ...base, url: plain(urlParts), urlParts };
  });
  for (const [key, value] of Object.entries(given)) {
    const button = /^\d+$/.test(key) ? buttons[Number(key)] : undefined;
    if (button?.type !== "URL" || placeholders(button.url).length === 0) {
      problems.push({
        kind: "extra-button-parameter",
        message: `button_url_params["${key}"] (${JSON.stringify(value)}) fills no button: ${
          button
            ? `button ${key} is ${button.type}${button.url ? ` with the fixed address ${button.url}` : ""}`
            : `the template has ${buttons.length === 0 ? "no buttons" : `buttons 0 to ${buttons.length - 1}`}`
        }`,
      });
    }
  }
  return rendered;
}

/** A text's parts, each placeholder replaced by its value or marked missing. */
function fill(text: string, valueFor: (name: string) => string | undefined): MessagePart[] {
  return splitPlaceholders(text).map((part): MessagePart => {
    if (typeof part === "string") {
      return { kind: "text", text: part };
    }
    const value = valueFor(part.name);
    return value === undefined
      ? { kind: "missing", name: part.name }
      : { kind: "parameter", name: part.name, value };
  });
}

// The spec allows strings only; a send the mock let through without checks may hold others,
// and they are shown as the API would turn them into text.
function stringOf(value: unknown): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

const list = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(", ");
