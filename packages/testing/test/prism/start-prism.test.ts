import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startPrism } from "../../src/prism.js";

const spec = fileURLToPath(new URL("../../../../openapi/kapso.yaml", import.meta.url));

describe("startPrism", () => {
  it("starts Prism on a free loopback port, answers, and stops", async () => {
    const prism = await startPrism({ spec });
    expect(prism.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(prism.startupMs).toBeGreaterThan(0);
    const response = await fetch(`${prism.url}/whatsapp_templates`, { headers: { "X-API-Key": "k" } });
    expect(response.status).toBe(200);
    await prism.stop();
    await expect(fetch(`${prism.url}/whatsapp_templates`)).rejects.toThrow();
  }, 60_000);

  it("fails with Prism's output when the spec cannot be read", async () => {
    await expect(startPrism({ spec: "/nonexistent/spec.yaml", startTimeout: 20_000 })).rejects.toThrow(
      /Prism did not start/,
    );
  }, 60_000);
});
