// What a user of kapsokit writes in their own test suite: the client against the mock,
// asserted with the testing package's matcher.
import { Kapso } from "@kapsokit/client";
import { createKapsoMock, fixtures } from "@kapsokit/testing";
import { startMockServer } from "@kapsokit/testing/server";
import "@kapsokit/testing/vitest";
import { expect, it } from "vitest";

function setup() {
  const mock = createKapsoMock();
  const kapso = new Kapso({ apiKey: "sk_test_consumer", fetch: mock.fetch, baseUrl: mock.baseUrl });
  return { mock, kapso };
}

it("sends the appointment reminder to a normalised number", async () => {
  const { mock, kapso } = setup();
  const sent = await kapso.templates.send(fixtures.appointmentReminder.id, {
    to: "+1 415 555 0123",
    parameters: ["John Smith", "Tomorrow at 2 PM"],
    header: { type: "image", url: "https://example.com/header-image.jpg" },
  });
  expect(sent.status).toBe("success");
  expect(mock).toHaveSentTemplate(fixtures.appointmentReminder.id, { to: "+14155550123" });
  expect(mock).not.toHaveSentTemplate(fixtures.orderUpdate.id);
});

it("fails the matcher when nothing was sent", () => {
  const { mock } = setup();
  expect(() => expect(mock).toHaveSentTemplate(fixtures.appointmentReminder.id)).toThrow();
});

it("lists approved templates over real HTTP from the loopback server", async () => {
  const server = await startMockServer();
  try {
    const kapso = new Kapso({ apiKey: "sk_test_consumer", baseUrl: server.url });
    const page = await kapso.templates.list({ status: "approved" });
    expect(page.data.map((template) => template.name)).toContain(fixtures.orderUpdate.name);
    expect(server.mock.calls[0]?.headers["x-api-key"]).toBe("[redacted]");
  } finally {
    await server.close();
  }
});
