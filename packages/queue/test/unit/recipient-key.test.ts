import { describe, expect, it } from "vitest";
import { recipientKey } from "../../src/campaign/recipient-key.js";
import { queueNameFor } from "../../src/index.js";

const TEMPLATE = "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90";

describe("recipientKey", () => {
  it("is the same for the same phone written differently and for reordered named parameters", () => {
    const a = recipientKey(TEMPLATE, {
      to: "+1 (415) 555-0123",
      parameters: { name: "Ada", code: "1" },
    } as never);
    const b = recipientKey(TEMPLATE, { to: "+14155550123", parameters: { code: "1", name: "Ada" } } as never);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-z]{22}$/);
  });

  it("differs with the template, the parameters or their order", () => {
    const base = recipientKey(TEMPLATE, { to: "+14155550123", parameters: ["a", "b"] } as never);
    expect(
      recipientKey(TEMPLATE.replace("5f", "6f"), { to: "+14155550123", parameters: ["a", "b"] } as never),
    ).not.toBe(base);
    expect(recipientKey(TEMPLATE, { to: "+14155550123", parameters: ["b", "a"] } as never)).not.toBe(base);
  });
});

describe("queueNameFor", () => {
  it("names the queue by a hash that does not show the key", () => {
    const key = "kapso_live_Q9xZ7vK2mW4pR8tY";
    const name = queueNameFor(key);
    expect(name).toMatch(/^send-[0-9a-f]{24}$/);
    expect(name).toBe(queueNameFor(key));
    expect(name).not.toContain(key.slice(0, 8));
    expect(queueNameFor(`${key}x`)).not.toBe(name);
  });
});
