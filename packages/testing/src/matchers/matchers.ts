import type { OperationId } from "../generated/examples.js";
import type { RecordedCall, SentMessage } from "../mock/recording.js";
import { renderMessage } from "../render/render-message.js";
import {
  type AsymmetricMatcherLike,
  prepareMatch,
  type SentTemplateField,
  type SentTemplateMatch,
  viewOf,
} from "./sent-template-match.js";

export type { AsymmetricMatcherLike, Matchable, SentTemplateMatch } from "./sent-template-match.js";

/** The matchers `@kapsokit/testing/vitest` and `@kapsokit/testing/jest` add to `expect`. */
export interface KapsoMatchers<R = unknown> {
  /**
   * The mock accepted a send of this template (any template when the id is left out),
   * with these fields when `match` is given. The fields use the names of
   * `kapso.templates.send` (`to`, `parameters`, `headerType`, ...); a key that is not one of
   * them fails the assertion. `to` is compared normalised (`+1 415 555-0123` is
   * `+14155550123`), and any value may be an asymmetric matcher.
   *
   * @example
   * ```ts
   * expect(mock).toHaveSentTemplate(fixtures.orderUpdate.id, { to: "+1 415 555 0123" });
   * expect(mock).toHaveSentTemplate(undefined, { parameters: expect.arrayContaining(["Ana"]) });
   * expect(mock).not.toHaveSentTemplate(); // nothing was sent
   * ```
   */
  toHaveSentTemplate(templateId?: string, match?: SentTemplateMatch | AsymmetricMatcherLike): R;
  /**
   * The mock accepted exactly `times` sends of this template.
   *
   * @example
   * ```ts
   * expect(mock).toHaveSentTemplateTimes(fixtures.appointmentReminder.id, 2);
   * ```
   */
  toHaveSentTemplateTimes(templateId: string, times: number): R;
  /**
   * The mock received requests for this operation: at least one, or exactly `times`.
   *
   * @example
   * ```ts
   * expect(mock).toHaveCalledOperation("listWhatsappTemplates", 3);
   * ```
   */
  toHaveCalledOperation(operation: OperationId, times?: number): R;
  /**
   * The mock accepted a send whose message, as its recipient will read it (the template's
   * header text, body, footer and button labels with the send's values filled in, see
   * `renderMessage`), contains this text, or matches this pattern. Runs of white space count
   * as one space, so a line break in the template matches a space in `text`.
   *
   * @example
   * ```ts
   * expect(mock).toHaveSentMessageContaining("your appointment on Friday at 3 PM");
   * expect(mock).toHaveSentMessageContaining(/order \d+ is on its way/);
   * expect(mock).not.toHaveSentMessageContaining("{{"); // no placeholder went out empty
   * ```
   */
  toHaveSentMessageContaining(text: string | RegExp): R;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/**
 * What the matchers use of the context vitest's and jest's `expect.extend` give them: the
 * runner's own equality (asymmetric matchers and custom testers included) and its printing.
 */
export interface KapsoMatcherContext {
  isNot?: boolean;
  equals(a: unknown, b: unknown, customTesters?: unknown[], strictCheck?: boolean): boolean;
  customTesters?: unknown[];
  utils: {
    stringify(value: unknown): string;
    diff(expected: unknown, received: unknown): string | null | undefined;
  };
}

interface MockLike {
  sent: readonly SentMessage[];
  calls: readonly RecordedCall[];
}

function asMock(received: unknown, matcher: string): MockLike {
  const candidate = received as Partial<MockLike> | null;
  if (!candidate || !Array.isArray(candidate.sent) || !Array.isArray(candidate.calls)) {
    throw new TypeError(`${matcher} expects a mock from createKapsoMock(), got ${typeof received}`);
  }
  return candidate as MockLike;
}

function checkContext(
  context: Partial<KapsoMatcherContext> | undefined,
  matcher: string,
): KapsoMatcherContext {
  if (typeof context?.equals !== "function" || typeof context.utils?.stringify !== "function") {
    throw new TypeError(
      `${matcher} must be called through expect.extend(kapsoMatchers), which gives it equals()`,
    );
  }
  return context as KapsoMatcherContext;
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

const isAsymmetricMatcher = (value: unknown): boolean =>
  typeof (value as { asymmetricMatch?: unknown } | null)?.asymmetricMatch === "function";

type View = Partial<Record<SentTemplateField, unknown>>;

/**
 * A value on one line, keys as a user writes them (`{ to: "+1…", parameters: ["Ana"] }`);
 * asymmetric matchers as the runner prints them (`Any<String>`).
 */
function show(value: unknown, stringify: (value: unknown) => string): string {
  if (isAsymmetricMatcher(value)) {
    return stringify(value).replace(/\s*\n\s*/g, " ");
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => show(item, stringify)).join(", ")}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      return `${name}: ${show(item, stringify)}`;
    });
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * The matcher functions, in the shape both vitest's and jest's `expect.extend` take.
 * `@kapsokit/testing/vitest` and `@kapsokit/testing/jest` register them for you.
 */
export const kapsoMatchers = {
  toHaveSentTemplate(
    this: KapsoMatcherContext,
    received: unknown,
    templateId?: string,
    match: SentTemplateMatch | AsymmetricMatcherLike = {},
  ): MatcherResult {
    const name = "toHaveSentTemplate";
    const mock = asMock(received, name);
    const context = checkContext(this, name);
    if (templateId !== undefined && typeof templateId !== "string") {
      throw new TypeError(
        `${name}: the template id must be a string; for any template pass undefined first, as in toHaveSentTemplate(undefined, { to })`,
      );
    }
    const print = (value: unknown) => show(value, context.utils.stringify);
    const equals = (actual: unknown, wanted: unknown) =>
      context.equals(actual, wanted, context.customTesters);
    const whole = isAsymmetricMatcher(match);
    const wanted: View = whole ? {} : prepareMatch(name, match);
    const fields = Object.keys(wanted) as SentTemplateField[];

    const candidates = mock.sent.filter((s) => templateId === undefined || sameId(s.templateId, templateId));
    const scored = candidates.map((message) => {
      const view = viewOf(message.template);
      const matched = fields.filter((field) => equals(view[field], wanted[field]));
      const pass = whole ? equals(view, match) : matched.length === fields.length;
      return { message, view, matched, pass };
    });
    const hit = scored.find((s) => s.pass);
    const pass = hit !== undefined;

    const what = `${templateId === undefined ? "a template" : `template ${templateId}`}${
      whole ? ` with ${print(match)}` : fields.length > 0 ? ` with ${print(wanted)}` : ""
    }`;
    const list = (messages: readonly SentMessage[]) =>
      messages.length === 0
        ? "nothing was sent"
        : `sent:\n${messages
            .map((s, i) => `  ${i + 1}. ${s.templateName} (${s.templateId}) ${print(viewOf(s.template))}`)
            .join("\n")}`;
    // The diff against the send that came closest, restricted to the fields asked for; a
    // field that matched (an asymmetric matcher included) shows as equal.
    const closest = () => {
      const best = scored.reduce<(typeof scored)[number] | undefined>(
        (a, b) => (a === undefined || b.matched.length > a.matched.length ? b : a),
        undefined,
      );
      if (best === undefined || whole || fields.length === 0) {
        return "";
      }
      const expected: View = {};
      const actual: View = {};
      for (const field of fields) {
        actual[field] = best.view[field];
        expected[field] = best.matched.includes(field) ? best.view[field] : wanted[field];
      }
      const diff = context.utils.diff(expected, actual);
      return diff
        ? `\n\nDifference from the closest, send ${mock.sent.indexOf(best.message) + 1}:\n${diff}`
        : "";
    };

    return {
      pass,
      message: () =>
        hit
          ? `expected the mock not to have sent ${what}, but it did: ${hit.message.templateName} ${print(hit.view)}`
          : `expected the mock to have sent ${what}; ${list(mock.sent)}${closest()}`,
    };
  },

  toHaveSentTemplateTimes(
    this: KapsoMatcherContext,
    received: unknown,
    templateId: string,
    times: number,
  ): MatcherResult {
    const mock = asMock(received, "toHaveSentTemplateTimes");
    const count = mock.sent.filter((s) => sameId(s.templateId, templateId)).length;
    const pass = count === times;
    return {
      pass,
      message: () =>
        `expected the mock ${pass ? "not " : ""}to have sent template ${templateId} ${times} time(s), it sent it ${count} time(s)`,
    };
  },

  toHaveSentMessageContaining(
    this: KapsoMatcherContext,
    received: unknown,
    text: string | RegExp,
  ): MatcherResult {
    const name = "toHaveSentMessageContaining";
    const mock = asMock(received, name);
    if (typeof text !== "string" && !(text instanceof RegExp)) {
      throw new TypeError(`${name}: expects a string or a RegExp, got ${typeof text}`);
    }
    const collapse = (value: string) => value.replace(/\s+/g, " ").trim();
    const wanted = typeof text === "string" ? collapse(text) : text;
    const shown = mock.sent.map((message) => {
      if (!message.storedTemplate) {
        throw new TypeError(
          `${name} expects the messages of a mock from createKapsoMock(), with their template`,
        );
      }
      return { message, text: renderMessage(message.storedTemplate, message.template).text };
    });
    const contains = (value: string) =>
      typeof wanted === "string" ? collapse(value).includes(wanted) : value.search(wanted) !== -1;
    const hit = shown.find((s) => contains(s.text));
    const what = typeof text === "string" ? JSON.stringify(text) : String(text);
    const quote = (value: string) => value.replace(/^/gm, "     ");
    const list =
      shown.length === 0
        ? "nothing was sent"
        : `sent:\n${shown
            .map((s, i) => `  ${i + 1}. ${s.message.templateName} to ${s.message.to}:\n${quote(s.text)}`)
            .join("\n")}`;
    return {
      pass: hit !== undefined,
      message: () =>
        hit
          ? `expected the mock not to have sent a message containing ${what}, but it sent ${hit.message.templateName} to ${hit.message.to}:\n${quote(hit.text)}`
          : `expected the mock to have sent a message containing ${what}; ${list}`,
    };
  },

  toHaveCalledOperation(
    this: KapsoMatcherContext,
    received: unknown,
    operation: OperationId,
    times?: number,
  ): MatcherResult {
    const mock = asMock(received, "toHaveCalledOperation");
    const count = mock.calls.filter((c) => c.operation === operation).length;
    const pass = times === undefined ? count > 0 : count === times;
    const wanted = times === undefined ? "at least once" : `${times} time(s)`;
    return {
      pass,
      message: () =>
        `expected the mock ${pass ? "not " : ""}to have received ${operation} ${wanted}, it received it ${count} time(s)`,
    };
  },
};
