// The mock after `pnpm generate` from regeneration/specs/courier-api.yaml, a large document
// the project does not maintain: every operation is routed, and every request is validated by
// the document's inline schemas, formats, nullable, oneOf/anyOf/allOf, readOnly, parameters of
// every place and style, and security, with no hand-written code for any of it.
import { describe, expect, it } from "vitest";
import { createKapsoMock } from "../src/index.js";

const mock = createKapsoMock({ baseUrl: "https://api.courier.example/v2" });
const KEY = { "X-Courier-Key": "ck_probe" };
const PARCEL = "4e8b1d2c-7f3a-4c6e-9b5d-2a1f8e7c6d3b";

interface Sent {
  status: number;
  body: { violations?: { location: string[]; message: string }[] } & Record<string, unknown>;
  operation: string | null | undefined;
}

async function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {},
): Promise<Sent> {
  const json = options.body !== undefined;
  const response = await mock.fetch(`${mock.baseUrl}${path}`, {
    method,
    headers: { ...KEY, ...(json ? { "Content-Type": "application/json" } : {}), ...options.headers },
    body: json ? JSON.stringify(options.body) : options.raw,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : {},
    operation: mock.calls.at(-1)?.operation,
  };
}

/** The violations of a 422, as `location: message`. */
const violations = (sent: Sent) =>
  (sent.body.violations ?? []).map((v) => `${v.location.join(".")}: ${v.message}`).join("\n");

const address = { line1: "1 Main St", city: "Lisbon", country: "PT" };
const parcel = {
  reference: "PCL-1001",
  weight_kg: 2.5,
  sender: { name: "Ana", email: "ana@example.com", address },
  recipient: { name: "Bo", address },
};
const createParcel = (fields: Record<string, unknown>) =>
  call("POST", "/parcels", { body: { parcel: { ...parcel, ...fields } } });

describe("routing", () => {
  it("routes each operation by the document's paths, one without an operationId by method and path", async () => {
    expect((await call("GET", "/parcels")).operation).toBe("listParcels");
    expect((await call("GET", `/parcels/${PARCEL}`)).operation).toBe("getParcel");
    expect((await call("POST", `/parcels/${PARCEL}/proof-of-delivery`)).operation).toBe(
      "POST /parcels/{parcel_id}/proof-of-delivery",
    );
    expect((await call("GET", `/parcels/${PARCEL}/label.pdf`)).operation).toBe("getParcelLabel");
    expect((await call("GET", `/parcels/${PARCEL}/label.gif`)).status).toBe(422);
    expect((await call("PATCH", "/parcels")).status).toBe(405);
  });
});

describe("inline request bodies", () => {
  it("accepts a valid one and answers with the document's example", async () => {
    const sent = await createParcel({});
    expect(sent.status, violations(sent)).toBe(201);
    expect(sent.body).toEqual({
      data: { id: "parcel-123abc", reference: "PCL-1001", status: "created", weight_kg: 2.5 },
    });
  });

  it.each([
    ["email", { sender: { ...parcel.sender, email: "not an address" } }, "sender.email"],
    ["date-time", { ready_at: "2025-06-01 10:00" }, "ready_at"],
    ["date", { deliver_by: "2025-02-30" }, "deliver_by"],
    ["pattern", { reference: "pcl 1001" }, "reference"],
    ["maxLength", { notes: "x".repeat(501) }, "notes"],
    ["exclusiveMinimum", { weight_kg: 0 }, "weight_kg"],
    ["float range", { weight_kg: 71 }, "weight_kg"],
    ["int64 range", { declared_value_cents: 2 ** 60 }, "declared_value_cents"],
    ["enum", { service: "overnight" }, "service"],
    ["uniqueItems", { handling: ["heavy", "heavy"] }, "handling"],
    ["byte", { payment: { card_token: "not base64!" } }, "payment"],
    ["oneOf, both branches", { payment: { card_token: "aGk=", account_number: "ACC123456" } }, "payment"],
    ["anyOf, neither branch", { label: "far too long a label" }, "label"],
    ["allOf, a part missing", { insurance: { policy_number: "P-123456" } }, "insurance"],
    ["readOnly, sent by the client", { id: PARCEL }, "parcel"],
    ["an unknown property", { colour: "red" }, "parcel"],
    ["a missing required property", { recipient: undefined }, "parcel"],
  ])("refuses a body that breaks its schema: %s", async (_what, fields, where) => {
    const sent = await createParcel(fields);
    expect(sent.status).toBe(422);
    expect(violations(sent)).toContain(`body.parcel${where === "parcel" ? "" : `.${where.split(".")[0]}`}`);
  });

  it("accepts null where a property is nullable, an enum that lists null included", async () => {
    const sent = await createParcel({ deliver_by: null, notes: null, service: null });
    expect(sent.status, violations(sent)).toBe(201);
  });

  it("accepts either branch of a oneOf, any of an anyOf, and all parts of an allOf", async () => {
    for (const fields of [
      {
        payment: { card_token: "aGk=" },
        label: 7,
        insurance: { provider: "Acme", policy_number: "P-123456" },
      },
      { payment: { account_number: "ACC123456" }, label: "FRAGILE" },
    ]) {
      const sent = await createParcel(fields);
      expect(sent.status, violations(sent)).toBe(201);
    }
  });

  it("checks a oneOf of referenced schemas, with a discriminator Prism does not use either", async () => {
    const customer = (contact: unknown) =>
      call("POST", "/customers", { body: { customer: { email: "a@example.com", contact } } });
    expect((await customer({ channel: "phone", phone: "+14155550123" })).status).toBe(201);
    expect((await customer({ channel: "email", email: "nope" })).status).toBe(422);
    expect(
      (
        await call("POST", "/customers", {
          body: { customer: { email: "a@example.com", website: "/relative/ok" } },
        })
      ).status,
    ).toBe(201);
  });

  it("accepts a multipart upload as it is, and refuses JSON where only multipart is documented", async () => {
    const form = new FormData();
    form.set("photo", new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }), "pod.jpg");
    const upload = await call("POST", `/parcels/${PARCEL}/proof-of-delivery`, { raw: form });
    expect(upload.status).toBe(201);
    const json = await call("POST", `/parcels/${PARCEL}/proof-of-delivery`, { body: { photo: "x" } });
    expect(json.status).toBe(422);
    expect(violations(json)).toContain("multipart/form-data");
  });

  it("checks the time format, a bounded array and a pattern in an inline body", async () => {
    const pickup = (fields: Record<string, unknown>) =>
      call("POST", "/pickups", {
        body: { date: "2025-06-02", window: { from: "09:00:00", to: "12:00:00" }, address, ...fields },
      });
    expect((await pickup({})).status).toBe(201);
    expect((await pickup({ window: { from: "25:00:00", to: "12:00:00" } })).status).toBe(422);
    expect((await pickup({ parcel_ids: [] })).status).toBe(422);
    expect((await pickup({ contact_phone: "0044 20" })).status).toBe(422);
  });

  it("checks a writeOnly password on the way in, and an allOf with a reference", async () => {
    const hire = (fields: Record<string, unknown>) =>
      call("POST", "/couriers", { body: { name: "Cy", vehicle: "van", ...fields } });
    expect((await hire({ password: "correct horse battery" })).status).toBe(201);
    expect((await hire({ password: "short" })).status).toBe(422);
    expect((await hire({ password: "correct horse battery", vehicle: "boat" })).status).toBe(422);
  });
});

describe("parameters", () => {
  it("coerces and checks query values of every style", async () => {
    expect((await call("GET", "/parcels?page=2&per_page=0x10&weight_gteq=1")).status).toBe(200);
    expect((await call("GET", "/parcels?per_page=201")).status).toBe(422);
    expect((await call("GET", "/parcels?page=2147483648")).status).toBe(422);
    expect((await call("GET", "/parcels?status=created&status=delivered")).status).toBe(200);
    expect((await call("GET", "/parcels?status=created&status=lost")).status).toBe(422);
    expect((await call("GET", "/parcels?created_after=yesterday")).status).toBe(422);
    expect((await call("GET", "/parcels?delivered_on=2025-06-01&q[reference_cont]=PCL")).status).toBe(200);
    expect((await call("GET", "/parcels?q[weight_gteq]=-1")).status).toBe(422);
    expect((await call("GET", `/parcels/${PARCEL}/events?kinds=scan,delivered`)).status).toBe(200);
    expect((await call("GET", `/parcels/${PARCEL}/events?kinds=scan,teleport`)).status).toBe(422);
    expect((await call("GET", "/depots?near=38.7,-9.1")).status).toBe(200);
    expect((await call("GET", "/depots?near=38.7")).status).toBe(422);
  });

  it("reads a deepObject filter and a required query parameter", async () => {
    expect((await call("GET", "/pickups?on=2025-06-02&filter[status]=missed")).status).toBe(200);
    expect((await call("GET", "/pickups?on=2025-06-02&filter[status]=lost")).status).toBe(422);
    const missing = await call("GET", "/pickups");
    expect(missing.status).toBe(422);
    expect(violations(missing)).toContain("must have required property 'on'");
    expect((await call("DELETE", `/parcels/${PARCEL}?reason=lost`)).status).toBe(204);
    expect((await call("DELETE", `/parcels/${PARCEL}?reason=bored`)).status).toBe(422);
  });

  it("checks path parameters, an integer one coerced", async () => {
    expect((await call("GET", "/parcels/not-a-uuid")).status).toBe(422);
    expect((await call("GET", "/couriers/12/shifts?month=2025-06")).status).toBe(200);
    expect((await call("GET", "/couriers/abc/shifts?month=2025-06")).status).toBe(422);
    expect((await call("GET", "/couriers/12/shifts?month=June")).status).toBe(422);
  });

  it("checks header parameters", async () => {
    const hours = [{ weekday: 1, opens: "08:00:00", closes: "18:00:00" }];
    const depot = `/depots/${PARCEL}/hours`;
    expect((await call("PUT", depot, { body: hours, headers: { "If-Match": "v7" } })).status).toBe(204);
    const missing = await call("PUT", depot, { body: hours });
    expect(missing.status).toBe(422);
    expect(violations(missing)).toContain("if-match");
    const pay = (key: string) =>
      call("POST", "/invoices/INV-42/pay", {
        body: { amount_cents: 100 },
        headers: { "Idempotency-Key": key },
      });
    expect((await pay(PARCEL)).status).toBe(200);
    expect((await pay("again")).status).toBe(422);
    expect((await call("GET", "/parcels", { headers: { "X-Request-Id": "nope" } })).status).toBe(422);
  });
});

describe("security and answers", () => {
  it("asks for the key where the document does, and not where it lifts it", async () => {
    const noKey = { "X-Courier-Key": "" };
    expect((await call("GET", "/parcels", { headers: noKey })).status).toBe(401);
    expect((await call("GET", "/depots", { headers: noKey })).status).toBe(200);
    expect((await call("GET", "/health", { headers: noKey })).status).toBe(200);
  });

  it("answers from the schema where the document gives no example, leaving writeOnly fields out", async () => {
    const got = await call("GET", `/parcels/${PARCEL}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ data: { status: "created" } });
    const hook = await call("POST", "/webhooks", {
      body: { url: "https://example.com/hook", events: ["parcel.created"], secret: "s".repeat(16) },
    });
    expect(hook.status).toBe(201);
    expect(hook.body).not.toHaveProperty("secret");
    expect((await call("POST", "/webhooks", { body: { url: "not a url", events: [] } })).status).toBe(422);
  });
});
