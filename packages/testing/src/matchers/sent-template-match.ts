// What `toHaveSentTemplate` compares: a sent message seen through the names a user writes in
// `kapso.templates.send` (`to`, `parameters`, `headerType`), not the wire's (`phone_number`, ...).
import type { HeaderType, TemplateMessage } from "@kapsokit/core";
import { normalisePhone } from "@kapsokit/core/internal";

/** An asymmetric matcher of vitest or jest, such as `expect.any(String)` or `expect.stringContaining("555")`. */
export interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
}

/** A value, or an asymmetric matcher that stands for it. */
export type Matchable<T> = T | AsymmetricMatcherLike;

/**
 * Fields a sent message must have; every one given must match, the rest may be anything.
 * Values may be asymmetric matchers (`expect.any(String)`, `expect.arrayContaining([...])`).
 * A key that is not one of these fails the assertion, so a misspelling cannot pass unnoticed.
 */
export interface SentTemplateMatch {
  /** The recipient, `phone_number`; normalised like the client does (`+1 415 555-0123` matches `+14155550123`). */
  to?: Matchable<string>;
  /** `template_parameters`, compared deeply: positional (an array) or named (an object). */
  parameters?: Matchable<readonly Matchable<string>[] | { readonly [name: string]: Matchable<string> }>;
  /** `header_type`. */
  headerType?: Matchable<HeaderType>;
  /** `header_params`: a media header's URL or a text header's text. */
  headerParams?: Matchable<string>;
  /** `header_filename`. */
  headerFilename?: Matchable<string>;
  /** `whatsapp_config_id`. */
  whatsappConfigId?: Matchable<string>;
  /** `customer_id`. */
  customerId?: Matchable<string>;
  /** `button_url_params`, by the URL button's position: `{ 0: "track123" }`, compared deeply. */
  buttons?: Matchable<{ readonly [position: number]: Matchable<string> }>;
}

export type SentTemplateField = keyof SentTemplateMatch;

interface FieldSpec {
  /** The field's name on the wire, for the hint when a user writes that one instead. */
  wire: string;
  /** Other names people reach for. */
  aliases?: readonly string[];
  /** The field's value in a sent message, as a user would write it. */
  read(template: TemplateMessage): unknown;
  /** The value a user wrote, made comparable (the phone number normalised). */
  prepare?(wanted: unknown): unknown;
}

// One entry per field of SentTemplateMatch (the mapped type makes a missing one a type error),
// in the order failure messages list them.
const FIELDS: { readonly [K in SentTemplateField]-?: FieldSpec } = {
  to: {
    wire: "phone_number",
    aliases: ["phone", "phoneNumber", "recipient"],
    read: (t) => normalisePhone(t.phone_number),
    prepare: (wanted) => (typeof wanted === "string" ? normalisePhone(wanted) : wanted),
  },
  parameters: { wire: "template_parameters", aliases: ["params"], read: (t) => t.template_parameters },
  headerType: { wire: "header_type", read: (t) => t.header_type },
  headerParams: { wire: "header_params", read: (t) => t.header_params },
  headerFilename: { wire: "header_filename", read: (t) => t.header_filename },
  whatsappConfigId: { wire: "whatsapp_config_id", read: (t) => t.whatsapp_config_id },
  customerId: { wire: "customer_id", read: (t) => t.customer_id },
  buttons: {
    wire: "button_url_params",
    aliases: ["buttonUrlParams"],
    read: (t) => t.button_url_params ?? undefined,
  },
};

/** The keys a match may have, in the order they are shown. */
export const SENT_TEMPLATE_FIELDS = Object.keys(FIELDS) as readonly SentTemplateField[];

const isField = (key: string): key is SentTemplateField => Object.hasOwn(FIELDS, key);

/** A sent message's fields under the user's names, the absent ones left out. */
export function viewOf(template: TemplateMessage): Partial<Record<SentTemplateField, unknown>> {
  const view: Partial<Record<SentTemplateField, unknown>> = {};
  for (const field of SENT_TEMPLATE_FIELDS) {
    const value = FIELDS[field].read(template);
    if (value !== undefined) {
      view[field] = value;
    }
  }
  return view;
}

// Edit distance, for "did you mean" on a misspelt key.
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function suggestionFor(key: string): SentTemplateField | undefined {
  const folded = key.toLowerCase().replace(/_/g, "");
  return SENT_TEMPLATE_FIELDS.find((field) => {
    const spec = FIELDS[field];
    return (
      spec.wire === key ||
      spec.aliases?.includes(key) ||
      field.toLowerCase() === folded ||
      distance(field.toLowerCase(), key.toLowerCase()) <= 2
    );
  });
}

/**
 * The match a user wrote, checked and made comparable: unknown keys throw a `TypeError` that
 * names them and the accepted ones, `undefined` values are left out (they match anything).
 */
export function prepareMatch(matcher: string, match: unknown): Partial<Record<SentTemplateField, unknown>> {
  if (typeof match !== "object" || match === null || Array.isArray(match)) {
    throw new TypeError(
      `${matcher}: the match must be an object of fields (${SENT_TEMPLATE_FIELDS.join(", ")}), got ${
        Array.isArray(match) ? "an array" : typeof match
      }`,
    );
  }
  const unknown = Object.keys(match).filter((key) => !isField(key));
  if (unknown.length > 0) {
    const named = unknown.map((key) => {
      const suggestion = suggestionFor(key);
      return suggestion ? `"${key}" (did you mean "${suggestion}"?)` : `"${key}"`;
    });
    throw new TypeError(
      `${matcher}: unknown field${unknown.length > 1 ? "s" : ""} ${named.join(", ")} in the match; ` +
        `a sent template is matched by ${SENT_TEMPLATE_FIELDS.join(", ")}`,
    );
  }
  const prepared: Partial<Record<SentTemplateField, unknown>> = {};
  for (const [key, value] of Object.entries(match) as [SentTemplateField, unknown][]) {
    if (value !== undefined) {
      prepared[key] = FIELDS[key].prepare?.(value) ?? value;
    }
  }
  return prepared;
}
