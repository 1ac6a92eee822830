// The "complete vitest example" of packages/testing/README.md, run as users would paste it.
// readme-in-sync.test.ts fails when the two drift apart.
// send-reminder.test.ts
import { Kapso, RateLimitError } from "@kapsokit/client";
import { createKapsoMock, fixtures } from "@kapsokit/testing";
import "@kapsokit/testing/vitest"; // adds expect(mock).toHaveSentTemplate(...)
import { beforeEach, describe, expect, it } from "vitest";

// The code under test: it gets its client passed in.
async function sendReminder(kapso: Kapso, phone: string, name: string, when: string) {
  return kapso.templates.send(fixtures.appointmentReminder.id, {
    to: phone,
    parameters: [name, when],
    header: { type: "image", url: "https://example.com/reminder.jpg" },
  });
}

describe("sendReminder", () => {
  const mock = createKapsoMock();
  const kapso = new Kapso({ apiKey: "test_key", fetch: mock.fetch, baseUrl: mock.baseUrl, maxRetries: 0 });

  beforeEach(() => mock.reset());

  it("sends the appointment reminder", async () => {
    const result = await sendReminder(kapso, "+1 415 555 0123", "Ana", "Friday at 3 PM");

    expect(result.status).toBe("success");
    expect(mock).toHaveSentTemplate(fixtures.appointmentReminder.id, {
      to: "+14155550123",
      parameters: ["Ana", "Friday at 3 PM"],
    });
  });

  it("surfaces the API's rate limit", async () => {
    mock.fault({ kind: "rateLimited", retryAfter: 30 });

    await expect(sendReminder(kapso, "+14155550123", "Ana", "Friday")).rejects.toBeInstanceOf(RateLimitError);
    expect(mock).not.toHaveSentTemplate();
  });
});
