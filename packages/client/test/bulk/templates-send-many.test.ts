// `kapso.templates.sendMany`, the public face of the bulk engine, against the mock.
import { createKapsoMock, defineTemplate, fixtures } from "@kapsokit/testing";
import { describe, expect, it } from "vitest";
import { Kapso, type SendManyRecipient, type SendManyResult } from "../../src/index.js";
import { createMemoryJournal } from "../../src/internal/index.js";

const NOTICE = defineTemplate({
  id: "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90",
  name: "bulk_notice",
  content: "Hi {{1}}, your code is {{2}}.",
});

function setup() {
  const mock = createKapsoMock({ templates: [NOTICE, fixtures.orderUpdate] });
  const kapso = new Kapso({ apiKey: "test", baseUrl: mock.baseUrl, fetch: mock.fetch, logLevel: "off" });
  return { mock, kapso };
}

async function collect(results: AsyncIterable<SendManyResult>): Promise<SendManyResult[]> {
  const all: SendManyResult[] = [];
  for await (const result of results) {
    all.push(result);
  }
  return all;
}

const people = (count: number): SendManyRecipient[] =>
  Array.from({ length: count }, (_, i) => ({
    to: `+1415555${String(i).padStart(4, "0")}`,
    parameters: [`P${i}`, `${i}`],
  }));

describe("kapso.templates.sendMany", () => {
  it("sends to every recipient, fetching the template once", async () => {
    const { mock, kapso } = setup();
    const results = await collect(
      kapso.templates.sendMany(people(50), { templateId: NOTICE.id, concurrency: 5 }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill("sent"));
    expect(mock.sent).toHaveLength(50);
    expect(mock.calls.filter((c) => c.method === "GET")).toHaveLength(1);
    const sent = results[0];
    expect(sent?.status === "sent" && sent.data).toMatchObject({
      status: "success",
      template_name: "bulk_notice",
    });
  });

  it("fails recipients that do not fit the template without sending them, and sends the rest", async () => {
    const { mock, kapso } = setup();
    const recipients = [
      ...people(3),
      { to: "+14155550999", parameters: ["only one"] },
      { to: "not a phone", parameters: ["a", "b"] },
    ];
    const results = await collect(kapso.templates.sendMany(recipients, { templateId: NOTICE.id }));
    const failed = results.filter((r) => r.status === "failed");
    expect(failed.map((r) => r.recipient.to).sort()).toEqual(["+14155550999", "not a phone"]);
    expect(failed.every((r) => r.status === "failed" && r.error.name === "ValidationError")).toBe(true);
    expect(mock.sent).toHaveLength(3);
  });

  it("takes each recipient's own template, and fails one that names none", async () => {
    const { mock, kapso } = setup();
    const recipients: SendManyRecipient[] = [
      {
        templateId: fixtures.orderUpdate.id,
        to: "+14155550001",
        parameters: { customer_name: "Ana", order_number: "7" },
      },
      { templateId: NOTICE.id, to: "+14155550002", parameters: ["Bo", "8"] },
      { to: "+14155550003", parameters: ["Cy", "9"] },
    ];
    const results = await collect(kapso.templates.sendMany(recipients));
    expect(results.map((r) => `${r.recipient.to} ${r.status}`).sort()).toEqual([
      "+14155550001 sent",
      "+14155550002 sent",
      "+14155550003 failed",
    ]);
    expect(mock.sent.map((m) => m.templateName).sort()).toEqual(["bulk_notice", "order_update"]);
  });

  it("fails every recipient of a template that does not exist, with one request", async () => {
    const { mock, kapso } = setup();
    const missing = "00000000-0000-4000-8000-000000000000";
    const results = await collect(kapso.templates.sendMany(people(20), { templateId: missing }));
    expect(results.every((r) => r.status === "failed" && r.error.name === "NotFoundError")).toBe(true);
    expect(mock.calls).toHaveLength(1);
  });

  it("knows a recipient again in a resumed run however its number is written", async () => {
    const { mock, kapso } = setup();
    const journal = createMemoryJournal();
    await collect(
      kapso.templates.sendMany([{ to: "+14155550123", parameters: ["a", "b"] }], {
        templateId: NOTICE.id,
        journal,
      }),
    );
    const again = await collect(
      kapso.templates.sendMany([{ to: "+1 (415) 555-0123", parameters: ["a", "b"] }], {
        templateId: NOTICE.id,
        journal,
      }),
    );
    expect(again[0]).toMatchObject({ status: "skipped", reason: "already-sent" });
    expect(mock.sent).toHaveLength(1);
  });

  it("reports a send whose outcome is unknown, and does not repeat it", async () => {
    const { mock, kapso } = setup();
    mock.fault({ kind: "dropAfterAccept" }, { operation: "sendWhatsappTemplate" });
    const results = await collect(kapso.templates.sendMany(people(1), { templateId: NOTICE.id }));
    expect(results[0]).toMatchObject({ status: "unknown", reason: "outcome-unknown" });
    expect(mock.sent).toHaveLength(1);
  });

  it("checks its options when it starts", async () => {
    const { kapso } = setup();
    await expect(
      collect(kapso.templates.sendMany(people(1), { templateId: NOTICE.id, concurrency: 0 })),
    ).rejects.toThrow(/concurrency/);
  });
});
