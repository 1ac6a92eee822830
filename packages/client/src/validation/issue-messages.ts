// The words for the problems send-input.ts finds, loaded only when a send is refused. It
// imports nothing at run time, so it shares no code with the main bundle.
import type { ValidationIssue } from "@kapsokit/core";
import type { Issue } from "./send-input.js";

const MESSAGES = {
  object: () => "must be an object",
  field: () => "is not a send field",
  uuid: () => "must be a UUID",
  phone: () => "must be a phone number in E.164 form, like +14155550123",
  parameters: () => "must be an array or an object of strings",
  string: () => "must be a non-empty string",
  name: () => "must be named with a-z, 0-9 and _",
  headerType: () => "must be text, image, video or document",
  unused: (type?: string) => `is not used by ${type} headers`,
  https: () => "must be an https URL",
  buttons: () => "must be an object of button positions to texts",
  position: () => "must be a button position from 0 to 9",
} satisfies Record<string, (detail?: string) => string>;

/** A problem's code in send-input.ts. */
export type IssueCode = keyof typeof MESSAGES;

/**
 * Every problem in words.
 *
 * @example
 * ```ts
 * describeIssues([["to", "phone"]]); // [{ path: "to", message: "must be a phone number in E.164 form, …" }]
 * ```
 */
export function describeIssues(issues: Issue[]): ValidationIssue[] {
  return issues.map(([path, code, detail]) => ({ path, message: MESSAGES[code](detail) }));
}
