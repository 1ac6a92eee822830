// The matchers on `expect` imported from @jest/globals, typed by importing the mock alone, as
// a user does who registered them with `setupFilesAfterEnv: ["@kapsokit/testing/jest"]`.
import { expect } from "@jest/globals";
import { createKapsoMock, fixtures } from "@kapsokit/testing";

export function assertions(): void {
  const mock = createKapsoMock();
  expect(mock).toHaveSentTemplate(fixtures.orderUpdate.id, { to: expect.stringContaining("555") });
  expect(mock).not.toHaveSentTemplateTimes(fixtures.orderUpdate.id, 2);
  expect(mock).toHaveCalledOperation("sendWhatsappTemplate");
  // @ts-expect-error a misspelt field: the matchers are typed, not `any`
  expect(mock).toHaveSentTemplate(fixtures.orderUpdate.id, { parameter: ["Ana"] });
  // @ts-expect-error an operation the API does not have
  expect(mock).toHaveCalledOperation("deleteWhatsappTemplate");
}
