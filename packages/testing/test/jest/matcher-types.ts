// Type-checked only (by `pnpm typecheck`), never run: the matchers that
// @kapsokit/testing/jest registers are typed on jest's `expect` (the `expect` package that
// `@jest/globals` re-exports), and wrong arguments are refused.
import { expect } from "expect";
import "../../src/jest.js";
import type { KapsoMock } from "../../src/index.js";

export function assertions(mock: KapsoMock): void {
  expect(mock).toHaveSentTemplate("6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b", { to: "+14155550123" });
  expect(mock).not.toHaveSentTemplate();
  expect(mock).toHaveSentTemplateTimes("6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b", 2);
  expect(mock).toHaveCalledOperation("listWhatsappTemplates", 1);
  // @ts-expect-error "" is never an operation id: `pnpm generate` refuses an empty one
  expect(mock).toHaveCalledOperation("");
  expect(mock).toHaveSentTemplate("id", { buttons: { 0: "track123" } });
  // @ts-expect-error a button's value is a string
  expect(mock).toHaveSentTemplate("id", { buttons: { 0: 42 } });
  // @ts-expect-error `to` is a string
  expect(mock).toHaveSentTemplate("id", { to: 14155550123 });
  // @ts-expect-error a misspelt field: `parameters`
  expect(mock).toHaveSentTemplate("id", { parameter: ["Ana"] });
  // jest's asymmetric matchers stand for any field, or for the whole match.
  expect(mock).toHaveSentTemplate("id", {
    to: expect.stringContaining("555"),
    parameters: expect.arrayContaining(["Ana"]),
    headerType: expect.any(String),
  });
  expect(mock).toHaveSentTemplate("id", { parameters: ["Ana", expect.stringMatching(/^Fri/)] });
  expect(mock).toHaveSentTemplate(undefined, expect.objectContaining({ to: "+14155550123" }));
  expect(mock).toHaveSentMessageContaining("see you Friday at 3 PM");
  expect(mock).toHaveSentMessageContaining(/Friday at \d PM/);
  // @ts-expect-error the text is a string or a RegExp
  expect(mock).toHaveSentMessageContaining(42);
}
