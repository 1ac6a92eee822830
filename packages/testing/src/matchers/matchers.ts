import type { HeaderType, NamedParameters, PositionalParameters } from "@kapsokit/core";
import type { OperationId } from "../generated/examples.js";
import type { RecordedCall, SentMessage } from "../mock/recording.js";

/** Fields a sent message must have; every one given must match, the rest may be anything. */
export interface SentTemplateMatch {
  /** The recipient, `phone_number`. */
  to?: string;
  /** `template_parameters`, compared deeply. */
  parameters?: PositionalParameters | NamedParameters;
  headerType?: HeaderType;
  headerParams?: string;
  headerFilename?: string;
  whatsappConfigId?: string;
  customerId?: string;
  /** `button_url_params`, by the button's position: `{ 0: "track123" }`, compared deeply. */
  buttons?: Record<number, string>;
}

/** The matchers `@kapsokit/testing/vitest` and `@kapsokit/testing/jest` add to `expect`. */
export interface KapsoMatchers<R = unknown> {
  /**
   * The mock accepted a send of this template (any template when the id is left out),
   * with these fields when `match` is given.
   *
   * @example
   * ```ts
   * expect(mock).toHaveSentTemplate(fixtures.orderUpdate.id, { to: "+14155550123" });
   * expect(mock).not.toHaveSentTemplate(); // nothing was sent
   * ```
   */
  toHaveSentTemplate(templateId?: string, match?: SentTemplateMatch): R;
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
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
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

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** True when one sent message has every field of `match`. */
export function sentMatches(message: SentMessage, match: SentTemplateMatch): boolean {
  const t = message.template;
  const checks: [unknown, unknown][] = [
    [match.to, t.phone_number],
    [match.parameters, t.template_parameters],
    [match.headerType, t.header_type],
    [match.headerParams, t.header_params],
    [match.headerFilename, t.header_filename],
    [match.whatsappConfigId, t.whatsapp_config_id],
    [match.customerId, t.customer_id],
    [match.buttons, t.button_url_params],
  ];
  return checks.every(([wanted, actual]) => wanted === undefined || deepEqual(wanted, actual));
}

function describeSent(sent: readonly SentMessage[]): string {
  if (sent.length === 0) return "nothing was sent";
  return `sent:\n${sent
    .map((s) => `  ${s.templateName} (${s.templateId}) ${JSON.stringify(s.template)}`)
    .join("\n")}`;
}

/**
 * The matcher functions, in the shape both vitest's and jest's `expect.extend` take.
 * `@kapsokit/testing/vitest` and `@kapsokit/testing/jest` register them for you.
 */
export const kapsoMatchers = {
  toHaveSentTemplate(
    this: { isNot?: boolean },
    received: unknown,
    templateId?: string,
    match: SentTemplateMatch = {},
  ): MatcherResult {
    const mock = asMock(received, "toHaveSentTemplate");
    const pass = mock.sent.some(
      (s) => (templateId === undefined || sameId(s.templateId, templateId)) && sentMatches(s, match),
    );
    const what = `${templateId === undefined ? "a template" : `template ${templateId}`}${
      Object.keys(match).length > 0 ? ` with ${JSON.stringify(match)}` : ""
    }`;
    return {
      pass,
      message: () =>
        pass
          ? `expected the mock not to have sent ${what}, but it did; ${describeSent(mock.sent)}`
          : `expected the mock to have sent ${what}; ${describeSent(mock.sent)}`,
    };
  },

  toHaveSentTemplateTimes(
    this: { isNot?: boolean },
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

  toHaveCalledOperation(
    this: { isNot?: boolean },
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
