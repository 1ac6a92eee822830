import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtures } from "../../src/index.js";
import { type MockServer, startMockServer } from "../../src/server.js";

const run = promisify(execFile);
const seedCurl = readFileSync(new URL("./seed-send-template.curl.sh", import.meta.url), "utf8");
const seedBody = /--data '([^']*)'/.exec(seedCurl)![1]!;
const DOCS_TEMPLATE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

/** curl; `npm test` installs it first when it is missing (scripts/system-packages.mjs). */
function ensureCurl(): void {
  if (spawnSync("curl", ["--version"]).status !== 0) {
    throw new Error("this test needs curl; install it with: sudo apt-get install -y curl");
  }
}

describe("startMockServer", () => {
  let server: MockServer;
  beforeAll(async () => {
    ensureCurl();
    server = await startMockServer();
  });
  afterAll(() => server.close());

  it("listens on loopback under /api/v1", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  });

  it("answers the documentation's curl example, changed only in its host", async () => {
    const origin = new URL(server.url).origin;
    // `{template_id}` is the documentation's placeholder; its own answer names the id it
    // stands for, which the mock has as an approved fixture.
    const script = seedCurl
      .replace("https://app.kapso.ai", origin)
      .replace("/{template_id}/", `/${DOCS_TEMPLATE_ID}/`)
      .replace(/^curl /m, "curl --silent --show-error --write-out '\\n%{http_code}' ");
    expect(script.replace(origin, "https://app.kapso.ai").replace(DOCS_TEMPLATE_ID, "{template_id}")).toBe(
      seedCurl.replace(/^curl /m, "curl --silent --show-error --write-out '\\n%{http_code}' "),
    );
    const { stdout } = await run("bash", ["-c", script]);
    const lines = stdout.trimEnd().split("\n");
    const status = lines.pop();
    expect(status).toBe("200");
    const answer = JSON.parse(lines.join("\n"));
    expect(answer).toMatchObject({
      status: "success",
      message: "Template message sent successfully",
      template_id: DOCS_TEMPLATE_ID,
      template_name: "appointment_confirmation",
      response: {
        messaging_product: "whatsapp",
        contacts: [{ input: "+123456789012", wa_id: "123456789012" }],
      },
    });
    const sent = server.mock.sent.at(-1);
    expect(answer.response.messages[0].id).toBe(sent?.messageId);
    // The mock received the documentation's body as it is written.
    expect(sent?.template).toEqual(JSON.parse(seedBody).template);
    expect(server.mock.calls.at(-1)?.headers["x-api-key"]).toBe("[redacted]");
  });

  it("knows the documentation's template: approved, two positional parameters, an image header", () => {
    const template = server.mock.templates.get(DOCS_TEMPLATE_ID);
    expect(template).toEqual(fixtures.appointmentConfirmation);
    expect(template?.status).toBe("approved");
    expect(template?.parameter_count).toBe(2);
    expect(template?.components.find((c) => c.type === "HEADER")?.format).toBe("IMAGE");
  });

  it("serves the same validation over HTTP as in process", async () => {
    const response = await fetch(`${server.url}/whatsapp_templates?per_page=0`, {
      headers: { "X-API-Key": "k" },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).message).toBe("query parameter per_page must be >= 1");
    const bare = await fetch(`${new URL(server.url).origin}/whatsapp_templates`, {
      headers: { "X-API-Key": "k" },
    });
    expect(bare.status).toBe(200);
  });

  it("closes the socket for a network fault and after an accepted send that drops", async () => {
    server.mock.fault({ kind: "networkError" });
    await expect(
      fetch(`${server.url}/whatsapp_templates`, { headers: { "X-API-Key": "k" } }),
    ).rejects.toThrow(TypeError);
    server.mock.fault({ kind: "dropAfterAccept" });
    const before = server.mock.sent.length;
    await expect(
      fetch(`${server.url}/whatsapp_templates/${fixtures.invoiceReady.id}/send_template`, {
        method: "POST",
        headers: { "X-API-Key": "k", "Content-Type": "application/json" },
        body: JSON.stringify({
          template: {
            phone_number: "+447700900123",
            template_parameters: ["INV-1"],
            header_type: "document",
            header_params: "https://example.com/i.pdf",
          },
        }),
      }),
    ).rejects.toThrow(TypeError);
    expect(server.mock.sent.length).toBe(before + 1);
  });

  it("stops a hanging request when the client gives up", async () => {
    server.mock.fault({ kind: "hang" });
    const calls = server.mock.calls.length;
    await expect(
      fetch(`${server.url}/whatsapp_templates`, {
        headers: { "X-API-Key": "k" },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    await expect.poll(() => server.mock.calls[calls]?.error).toBe("aborted");
  });

  it("rejects when its port is taken", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startMockServer({ port })).rejects.toMatchObject({ code: "EADDRINUSE" });
  });

  it("serves a mock it is given, on the port it is given", async () => {
    const { createKapsoMock } = await import("../../src/index.js");
    const mock = createKapsoMock({ rateLimit: { perMinute: 5 } });
    const probe = await startMockServer();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const own = await startMockServer({ mock, port });
    try {
      expect(own.url).toBe(`http://127.0.0.1:${port}/api/v1`);
      const response = await fetch(`${own.url}/whatsapp_templates`, { headers: { "X-API-Key": "k" } });
      expect(response.headers.get("x-ratelimit-remaining")).toBe("4");
      expect(own.mock).toBe(mock);
    } finally {
      await own.close();
    }
  });
});
