// `mock.subscribe`: a live view of the mock for an inspector page or a log. One event per call
// when it ends (answered, failed or aborted), one per change of the template store.
import { describe, expect, it, vi } from "vitest";
import { createKapsoMock, defineTemplate, fixtures, type MockEvent } from "../../src/index.js";
import { get, send } from "../support/requests.js";

const valid = {
  phone_number: "+14155550123",
  template_parameters: { customer_name: "Ana", order_number: "1042" },
  header_type: "text",
  header_params: "Order update",
};

function watch() {
  const mock = createKapsoMock();
  const events: MockEvent[] = [];
  const stop = mock.subscribe((event) => events.push(event));
  return { mock, events, stop };
}

describe("mock.subscribe", () => {
  it("tells of each call once it has its answer, with the message a send accepted", async () => {
    const { mock, events } = watch();
    await send(mock, fixtures.orderUpdate.id, valid);
    await get(mock, "/whatsapp_templates?per_page=0");
    expect(events.map((e) => e.type)).toEqual(["call", "call"]);
    const [sent, refused] = events as Extract<MockEvent, { type: "call" }>[];
    expect(sent?.call).toBe(mock.calls[0]);
    expect(sent?.call.response?.status).toBe(200);
    expect(sent?.sent).toEqual(mock.sent[0]);
    expect(refused?.call.response?.status).toBe(422);
    expect(refused?.sent).toBeNull();
  });

  it("tells of calls that got no answer: a network fault, and a request the caller aborted", async () => {
    const { mock, events } = watch();
    mock.fault({ kind: "networkError" });
    await expect(get(mock, "/whatsapp_templates")).rejects.toThrow(TypeError);
    mock.fault({ kind: "hang" });
    const controller = new AbortController();
    const hanging = mock.fetch(`${mock.baseUrl}/whatsapp_templates`, {
      headers: { "X-API-Key": "k" },
      signal: controller.signal,
    });
    controller.abort();
    await expect(hanging).rejects.toMatchObject({ name: "AbortError" });
    const calls = () => events.filter((e) => e.type === "call");
    await vi.waitFor(() => expect(calls()).toHaveLength(2));
    expect(calls().map((e) => e.call.error)).toEqual(["network", "aborted"]);
    expect(events.filter((e) => e.type === "faults")).toHaveLength(2);
  });

  it("tells of every change made through the template store", () => {
    const { mock, events } = watch();
    const extra = defineTemplate({ id: "0e2d9c8b-7a6f-4e5d-8c4b-3a2f1e0d9c8b", name: "extra" });
    mock.templates.add(extra);
    mock.templates.update(extra.id, { status: "disabled" });
    mock.templates.remove(extra.id);
    mock.templates.remove(extra.id);
    mock.templates.clear();
    mock.reset();
    expect(events).toEqual([
      { type: "templates", action: "add", templateId: extra.id },
      { type: "templates", action: "update", templateId: extra.id },
      { type: "templates", action: "remove", templateId: extra.id },
      { type: "templates", action: "clear" },
      { type: "templates", action: "reset" },
    ]);
  });

  it("tells of each fault armed, and of clearing armed faults, but not of clearing none", async () => {
    const { mock, events } = watch();
    mock.clearFaults();
    mock.fault({ kind: "hang" });
    mock.fault({ kind: "error", status: 500 }, { operation: "getWhatsappTemplate" });
    expect(() => mock.fault({ kind: "hang" }, { times: 0 })).toThrow(RangeError);
    mock.clearFaults();
    mock.fault({ kind: "hang" });
    mock.reset();
    expect(events).toEqual([
      { type: "faults", action: "add" },
      { type: "faults", action: "add" },
      { type: "faults", action: "clear" },
      { type: "faults", action: "add" },
      { type: "faults", action: "clear" },
      { type: "templates", action: "reset" },
    ]);
  });

  it("stops telling a listener once it unsubscribes, and keeps telling the others", async () => {
    const { mock, events, stop } = watch();
    const other: MockEvent[] = [];
    mock.subscribe((event) => other.push(event));
    stop();
    await get(mock, "/whatsapp_templates");
    expect(events).toEqual([]);
    expect(other).toHaveLength(1);
  });

  it("is not disturbed by a listener that throws: the call is answered, the others are told", async () => {
    const mock = createKapsoMock();
    const told: MockEvent[] = [];
    const thrown: unknown[] = [];
    const onError = (error: unknown) => thrown.push(error);
    process.on("uncaughtException", onError);
    try {
      mock.subscribe(() => {
        throw new Error("listener bug");
      });
      mock.subscribe((event) => told.push(event));
      const response = await get(mock, "/whatsapp_templates");
      expect(response.status).toBe(200);
      expect(told).toHaveLength(1);
      await vi.waitFor(() => expect(thrown).toEqual([new Error("listener bug")]));
    } finally {
      process.off("uncaughtException", onError);
    }
  });
});
