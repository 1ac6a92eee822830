// Connections that fail at each stage, through the global fetch: refused (nothing was sent,
// so a send is retried), reset after the request (a send's outcome is unknown, never
// repeated; a read is retried), and a reset after a whole answer (the answer stands).
import { afterEach, describe, expect, it } from "vitest";
import { APIConnectionError, Kapso, SendOutcomeUnknownError } from "../../src/index.js";
import {
  closedPort,
  httpAnswer,
  json,
  type RawServer,
  SEND_OK,
  startRawServer,
} from "../support/raw-http-server.js";

const TEMPLATE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const TO = "+14155550123";

let server: RawServer;
afterEach(async () => {
  await server?.close();
});

describe("a dropped connection, through the global fetch", () => {
  it("refused: a send is retried (nothing was sent), then fails naming the host and reason", async () => {
    const port = await closedPort();
    const kapso = new Kapso({
      apiKey: "key_drops_1",
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      maxRetries: 1,
      logLevel: "off",
    });
    const error = (await kapso.templates
      .send(TEMPLATE, { to: TO })
      .catch((e: unknown) => e)) as APIConnectionError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.message).toMatch(new RegExp(`Connection to 127\\.0\\.0\\.1:${port} failed: .*ECONNREFUSED`));
  });

  it("reset after the request was read: a send is unknown and sent once", async () => {
    server = await startRawServer((socket) => socket.resetAndDestroy());
    const kapso = new Kapso({ apiKey: "key_drops_2", baseUrl: server.url, logLevel: "off" });
    const error = await kapso.templates.send(TEMPLATE, { to: TO }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect((error as SendOutcomeUnknownError).cause).toBeInstanceOf(APIConnectionError);
    expect(server.sends.get(TO)).toBe(1);
  });

  it("reset half-way through the answer's body: a send is unknown with the answer's status", async () => {
    server = await startRawServer((socket) => {
      socket.write(httpAnswer(200, { "Content-Length": 300 }, '{"status":"succ'));
      setTimeout(() => socket.resetAndDestroy(), 50);
    });
    const kapso = new Kapso({ apiKey: "key_drops_3", baseUrl: server.url, logLevel: "off" });
    const error = (await kapso.templates
      .send(TEMPLATE, { to: TO })
      .catch((e: unknown) => e)) as SendOutcomeUnknownError;
    expect(error).toBeInstanceOf(SendOutcomeUnknownError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/HTTP 200 from .*, then its body was lost/);
    expect(server.sends.get(TO)).toBe(1);
  });

  it("reset on a read: retried, and the next answer is used", async () => {
    let reads = 0;
    server = await startRawServer((socket) => {
      reads++;
      if (reads === 1) {
        socket.resetAndDestroy();
      } else {
        json(200, { data: { id: TEMPLATE } })(socket, {} as never, server);
      }
    });
    const kapso = new Kapso({ apiKey: "key_drops_4", baseUrl: server.url, logLevel: "off" });
    const answer = await kapso.templates.get(TEMPLATE);
    expect(answer.data.id).toBe(TEMPLATE);
    expect(reads).toBe(2);
  });

  it("reset after a whole answer: the answer stands", async () => {
    server = await startRawServer((socket) => {
      json(200, SEND_OK)(socket, {} as never, server);
      socket.end();
    });
    const kapso = new Kapso({ apiKey: "key_drops_5", baseUrl: server.url, logLevel: "off" });
    await expect(kapso.templates.send(TEMPLATE, { to: TO })).resolves.toMatchObject({ status: "success" });
    expect(server.sends.get(TO)).toBe(1);
  });
});
