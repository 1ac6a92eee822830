// Redirects are never followed: the key never goes to another origin, a send is never
// re-issued elsewhere, and the 3xx is an APIError that names its status and target.
import { afterEach, describe, expect, it } from "vitest";
import { APIError, Kapso } from "../../src/index.js";
import { httpAnswer, json, type RawServer, SEND_OK, startRawServer } from "../support/raw-http-server.js";

const TEMPLATE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const TO = "+14155550123";
const KEY = "key_redirect_Q9xZ7vK2mW4p";

let origin: RawServer;
let elsewhere: RawServer;
afterEach(async () => {
  await origin?.close();
  await elsewhere?.close();
});

async function redirectingTo(status: number) {
  elsewhere = await startRawServer(json(200, SEND_OK));
  const target = `http://127.0.0.1:${elsewhere.port}/api/v1/whatsapp_templates/${TEMPLATE}/send_template`;
  origin = await startRawServer((socket) => socket.write(httpAnswer(status, { Location: target })));
  return target;
}

describe("a redirect, through the global fetch", () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`${status} on a send: an APIError naming ${status} and the target; nothing reaches the other origin`, async () => {
      const target = await redirectingTo(status);
      const kapso = new Kapso({ apiKey: KEY, baseUrl: origin.url, logLevel: "off" });
      const error = (await kapso.templates.send(TEMPLATE, { to: TO }).catch((e: unknown) => e)) as APIError;
      expect(error).toBeInstanceOf(APIError);
      expect(error.status).toBe(status);
      expect(error.message).toBe(
        `HTTP ${status} redirect to ${target}, not followed: kapsokit never follows redirects`,
      );
      expect(origin.sends.get(TO)).toBe(1);
      expect(elsewhere.requests).toHaveLength(0);
    });
  }

  it("on a read: the same error, and no request with the key elsewhere", async () => {
    await redirectingTo(307);
    const kapso = new Kapso({ apiKey: KEY, baseUrl: origin.url, logLevel: "off" });
    const error = (await kapso.templates.get(TEMPLATE).catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(307);
    expect(origin.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });
});
