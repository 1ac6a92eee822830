// The send example of the API's documentation, made with `kapsokit send` against the mock
// server: the flags carry every field of the documentation's body, which reaches the server
// as the same JSON.
import { readFileSync } from "node:fs";
import { fixtures } from "@kapsokit/testing";
import { type MockServer, startMockServer } from "@kapsokit/testing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT, run } from "../../src/index.js";

const seedCurl = readFileSync(
  new URL("../../../testing/test/server/seed-send-template.curl.sh", import.meta.url),
  "utf8",
);
const docsBody = JSON.parse(/--data '([^']*)'/.exec(seedCurl)![1]!);
const docsTemplateId = fixtures.appointmentConfirmation.id;

describe("the documentation's send example through kapsokit send", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  it("sends the documentation's body and prints the message id", async () => {
    let stdout = "";
    let stderr = "";
    const code = await run(
      [
        "send",
        docsTemplateId,
        "--to",
        "+123456789012",
        "--param",
        "John Smith",
        "--param",
        "Tomorrow at 2 PM",
        "--header-image",
        "https://example.com/header-image.jpg",
        "--filename",
        "invoice.pdf",
        "--whatsapp-config-id",
        "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "--customer-id",
        "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      ],
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        env: { KAPSO_API_KEY: "<api-key>", KAPSO_BASE_URL: server.url },
        cwd: process.cwd(),
      },
    );
    expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: "" });
    const call = server.mock.calls.at(-1)!;
    // The documentation's body: the same JSON, every field and value.
    expect(call.body).toEqual(docsBody);
    const messageId = server.mock.sent.at(-1)!.messageId;
    expect(stdout).toBe(
      `Sent appointment_confirmation to +123456789012: Template message sent successfully (message ${messageId})\n`,
    );
  });
});
