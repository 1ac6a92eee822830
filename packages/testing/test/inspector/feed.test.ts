// The inspector's record of the mock: what the page is sent, and when.
import { describe, expect, it } from "vitest";
import { createKapsoMock, fixtures, type KapsoMock } from "../../src/index.js";
import { InspectorFeed } from "../../src/inspector/feed.js";
import type { InspectorEvents } from "../../src/inspector/protocol.js";
import { API_KEY, get, send } from "../support/requests.js";

const reminder = {
  phone_number: "+14155550123",
  template_parameters: ["Ana", "Friday"],
  header_type: "image",
  header_params: "https://example.com/h.jpg",
};

function watch(mock: KapsoMock, limit = 10) {
  let clock = 1_000;
  const feed = new InspectorFeed(mock, { apiUrl: "http://127.0.0.1:4010/api/v1", limit, now: () => clock++ });
  const heard: { name: keyof InspectorEvents; data: unknown }[] = [];
  feed.listen((name, data) => heard.push({ name, data }));
  return { feed, heard };
}

describe("the inspector's feed", () => {
  it("sends each call as it ends: an accepted send with its message and template, a read without", async () => {
    const mock = createKapsoMock({ rateLimit: { perMinute: 10 } });
    const { heard } = watch(mock);
    await send(mock, fixtures.appointmentReminder.id, reminder);
    await get(mock, "/whatsapp_templates");
    expect(heard.map((event) => event.name)).toEqual(["entry", "entry"]);
    const [sent, read] = heard.map((event) => event.data as InspectorEvents["entry"]);
    expect(sent?.entry).toMatchObject({
      seq: 1,
      at: 1_000,
      call: { operation: "sendWhatsappTemplate", response: { status: 200 } },
      sent: {
        messageId: mock.sent[0]?.messageId,
        to: "+14155550123",
        templateId: fixtures.appointmentReminder.id,
        templateName: "appointment_reminder",
      },
      template: fixtures.appointmentReminder,
    });
    expect(sent?.entry.call).not.toHaveProperty("url");
    expect(sent?.state.rateLimit?.windows).toEqual([
      { used: 1, remaining: 9, resetsInMs: expect.any(Number) },
    ]);
    expect(read?.entry).toMatchObject({
      seq: 2,
      sent: null,
      template: null,
      call: { operation: "listWhatsappTemplates" },
    });
    expect(read?.state.total).toBe(2);
  });

  it("gives a refused send the template it was refused against, and none for an unknown one", async () => {
    const mock = createKapsoMock();
    const { feed } = watch(mock);
    await send(mock, fixtures.appointmentReminder.id, { ...reminder, template_parameters: ["Ana"] });
    await send(mock, "0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b", reminder);
    await mock.fetch(`${mock.baseUrl}/whatsapp_templates/%E0%A4%A/send_template`, {
      method: "POST",
      headers: { "X-API-Key": "k" },
    });
    const [refused, unknown, malformed] = feed.snapshot().entries;
    expect(refused).toMatchObject({ sent: null, template: { id: fixtures.appointmentReminder.id } });
    expect(refused?.call.response?.body).toEqual({
      error: "Template requires 2 parameters, but 1 were provided",
    });
    expect(unknown).toMatchObject({ sent: null, template: null, call: { response: { status: 404 } } });
    expect(malformed).toMatchObject({ template: null });
  });

  it("tells of faults armed and cleared, every-request faults as null", () => {
    const mock = createKapsoMock();
    const { heard } = watch(mock);
    mock.fault({ kind: "rateLimited", retryAfter: 30 }, { times: 2 });
    mock.fault(
      { kind: "error", status: 500 },
      { operation: "sendWhatsappTemplate", times: Number.POSITIVE_INFINITY },
    );
    mock.clearFaults();
    expect(heard.map((event) => event.name)).toEqual(["state", "state", "state"]);
    expect(heard[1]?.data).toEqual({
      rateLimit: null,
      faults: [
        { fault: { kind: "rateLimited", retryAfter: 30 }, operations: null, remaining: 2 },
        { fault: { kind: "error", status: 500 }, operations: ["sendWhatsappTemplate"], remaining: null },
      ],
      total: 0,
    });
    expect((heard[2]?.data as InspectorEvents["state"] | undefined)?.faults).toEqual([]);
  });

  it("starts with the calls a mock had already received", async () => {
    const mock = createKapsoMock();
    await send(mock, fixtures.appointmentReminder.id, reminder);
    await get(mock, "/whatsapp_templates");
    const { feed } = watch(mock);
    const { entries, state, apiUrl, limit } = feed.snapshot();
    expect({ apiUrl, limit, total: state.total }).toEqual({
      apiUrl: "http://127.0.0.1:4010/api/v1",
      limit: 10,
      total: 2,
    });
    expect(entries.map((entry) => [entry.seq, entry.sent?.to ?? null])).toEqual([
      [1, "+14155550123"],
      [2, null],
    ]);
  });

  it("keeps the latest entries up to its limit, and counts them all", async () => {
    const mock = createKapsoMock();
    const { feed } = watch(mock, 3);
    for (let i = 0; i < 5; i++) {
      await get(mock, `/whatsapp_templates?page=${i + 1}`);
    }
    const { entries, state } = feed.snapshot();
    expect(entries.map((entry) => entry.seq)).toEqual([3, 4, 5]);
    expect(state.total).toBe(5);
  });

  it("clears its own entries and tells the pages, leaving the mock's records alone", async () => {
    const mock = createKapsoMock();
    const { feed, heard } = watch(mock);
    await send(mock, fixtures.appointmentReminder.id, reminder);
    feed.clear();
    expect(heard.at(-1)).toEqual({
      name: "snapshot",
      data: expect.objectContaining({ entries: [], state: expect.objectContaining({ total: 0 }) }),
    });
    expect(mock.calls).toHaveLength(1);
    expect(mock.sent).toHaveLength(1);
    await get(mock, "/whatsapp_templates");
    expect(feed.snapshot().entries.map((entry) => entry.seq)).toEqual([2]);
  });

  it("never holds the API key", async () => {
    const mock = createKapsoMock();
    const { feed } = watch(mock);
    await send(mock, fixtures.appointmentReminder.id, reminder);
    await get(mock, `/whatsapp_templates?key=x`, { Authorization: `Bearer ${API_KEY}` });
    const text = JSON.stringify(feed.snapshot());
    expect(text).not.toContain(API_KEY);
    expect(text).toContain('"x-api-key":"[redacted]"');
  });

  it("stops listening once closed", async () => {
    const mock = createKapsoMock();
    const { feed, heard } = watch(mock);
    feed.close();
    await get(mock, "/whatsapp_templates");
    mock.fault({ kind: "hang" });
    expect(heard).toEqual([]);
    expect(feed.snapshot().entries).toEqual([]);
  });
});
