// The check the client tests run after each test: it names a request that breaks the spec,
// even one that a fault answered before the mock looked at it.
import { describe, expect, it } from "vitest";
import { expectRequestsKeptToTheSpec, kapsoOnMock, notice } from "../support/mock-client.js";

describe("expectRequestsKeptToTheSpec", () => {
  it("passes for the client's requests, faulted or not", async () => {
    const { mock, kapso } = kapsoOnMock({ logLevel: "off", maxRetries: 0 });
    await kapso.templates.send(notice.id, notice.input);
    mock.fault({ kind: "error", status: 500 });
    await expect(kapso.templates.send(notice.id, notice.input)).rejects.toThrow();
    await expect(expectRequestsKeptToTheSpec()).resolves.toBeUndefined();
  });

  it("names a faulted request whose body, query or key breaks the spec", async () => {
    const { mock } = kapsoOnMock();
    mock.fault({ kind: "error", status: 500 }, { times: Number.POSITIVE_INFINITY });
    const send = `${mock.baseUrl}/whatsapp_templates/${notice.id}/send_template`;
    const json = { "Content-Type": "application/json", "X-API-Key": "k" };
    await mock.fetch(send, { method: "POST", headers: json, body: JSON.stringify({ template: {} }) });
    await mock.fetch(`${mock.baseUrl}/whatsapp_templates?per_page=500`, { headers: { "X-API-Key": "k" } });
    await mock.fetch(`${mock.baseUrl}/whatsapp_templates/${notice.id}`);
    await mock.fetch(`${mock.baseUrl}/templates`, { headers: { "X-API-Key": "k" } });
    const failure = await expectRequestsKeptToTheSpec().catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(/POST .*send_template: 422 .*phone_number/);
    expect(message).toMatch(/GET .*per_page=500: 422 .*per_page/);
    expect(message).toMatch(new RegExp(`GET .*/whatsapp_templates/${notice.id}: 401`));
    expect(message).toMatch(/GET .*\/templates: 404/);
  });
});
