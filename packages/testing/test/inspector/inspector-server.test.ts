// The inspector on the mock server's port, over real HTTP: its files, its events, clearing it,
// and who may ask. The page's files are built into dist/, so this starts the built server.
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtures } from "../../src/index.js";
import type { InspectorEvents } from "../../src/inspector/protocol.js";
import { isLoopbackHost } from "../../src/inspector/serve-inspector.js";
import type { MockServer, startMockServer as StartMockServer } from "../../src/server.js";
import { API_KEY } from "../support/requests.js";

const built = "../../dist/server.js";

async function startBuilt(options: Parameters<typeof StartMockServer>[0]): Promise<MockServer> {
  const { startMockServer } = (await import(/* @vite-ignore */ built)) as {
    startMockServer: typeof StartMockServer;
  };
  return startMockServer(options);
}

interface ServerEvent {
  name: keyof InspectorEvents;
  data: unknown;
}

/** Reads the inspector's event stream until `enough` says so; returns what came, raw text too. */
async function readEvents(
  url: string,
  enough: (events: ServerEvent[]) => boolean,
  during: () => Promise<void> = async () => undefined,
): Promise<{ events: ServerEvent[]; text: string; headers: Headers }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: ServerEvent[] = [];
  let text = "";
  let started = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      text += decoder.decode(value, { stream: true });
      events.length = 0;
      for (const block of text.split("\n\n")) {
        const name = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (name && data) {
          events.push({ name: name as keyof InspectorEvents, data: JSON.parse(data) });
        }
      }
      if (!started && events.length > 0) {
        started = true;
        await during();
      }
      if (enough(events)) {
        break;
      }
    }
  } finally {
    controller.abort();
  }
  return { events, text, headers: response.headers };
}

/** A raw request, for headers `fetch` will not set (Host). */
function raw(
  url: string,
  headers: Record<string, string>,
  method = "GET",
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject).end();
  });
}

const sendReminder = (server: MockServer, parameters = ["Ana", "Friday"]) =>
  fetch(`${server.url}/whatsapp_templates/${fixtures.appointmentReminder.id}/send_template`, {
    method: "POST",
    headers: { "X-API-Key": API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({
      template: {
        phone_number: "+14155550123",
        template_parameters: parameters,
        header_type: "image",
        header_params: "https://example.com/h.jpg",
      },
    }),
  });

describe("startMockServer({ ui: true })", () => {
  let server: MockServer;
  let page: URL;
  beforeAll(async () => {
    server = await startBuilt({ ui: true, rateLimit: { perMinute: 60 } });
    page = new URL(server.inspectorUrl ?? "");
  });
  afterAll(() => server.close());

  it("serves the page on the mock's own port, and / leads to it", async () => {
    expect(server.inspectorUrl).toBe(`${new URL(server.url).origin}/_inspector/`);
    const root = await fetch(new URL("/", page), { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/_inspector/");
    const html = await fetch(page);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-security-policy")).toMatch(/default-src 'none'; script-src 'self'/);
    expect(html.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await html.text();
    expect(text).toContain('<script type="module" src="inspector.js"></script>');
    // Nothing on the page comes from anywhere else.
    expect(text).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const [file, type] of [
      ["inspector.js", "text/javascript; charset=utf-8"],
      ["inspector.css", "text/css; charset=utf-8"],
    ]) {
      const asset = await fetch(new URL(file ?? "", page));
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-type")).toBe(type);
      expect(await asset.text()).not.toMatch(/https?:\/\/(?!example\.com)[a-z]/i);
    }
    const head = await fetch(new URL("inspector.js", page), { method: "HEAD" });
    expect(head.headers.get("content-length")).toMatch(/^\d+$/);
  });

  it("leaves the mock's calls alone: the favicon, the page and an unknown inspector path are not API calls", async () => {
    const before = server.mock.calls.length;
    expect((await fetch(new URL("/favicon.ico", page))).status).toBe(204);
    const missing = await fetch(new URL("nothing-here", page));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("The inspector has no /_inspector/nothing-here.\n");
    expect(server.mock.calls).toHaveLength(before);
    // The API itself is still the mock's, paths without /api/v1 included.
    const list = await fetch(new URL("/whatsapp_templates", page), { headers: { "X-API-Key": API_KEY } });
    expect(list.status).toBe(200);
  });

  it("streams a snapshot, then each call as it ends and each fault armed, without the API key", async () => {
    const { events, text, headers } = await readEvents(
      new URL("events", page).href,
      (events) =>
        events.filter((e) => e.name === "entry").length === 2 && events.some((e) => e.name === "state"),
      async () => {
        await sendReminder(server);
        await sendReminder(server, ["Ana"]);
        server.mock.fault({ kind: "rateLimited" });
      },
    );
    expect(headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(text.startsWith("retry: 1000\n\n")).toBe(true);
    expect(events.map((e) => e.name)).toEqual(["snapshot", "entry", "entry", "state"]);
    const snapshot = events[0]?.data as InspectorEvents["snapshot"];
    expect(snapshot.apiUrl).toBe(server.url);
    const [accepted, refused] = events.slice(1, 3).map((e) => (e.data as InspectorEvents["entry"]).entry);
    expect(accepted?.sent?.templateName).toBe("appointment_reminder");
    expect(refused?.call.response?.status).toBe(422);
    expect((events[3]?.data as InspectorEvents["state"] | undefined)?.faults).toEqual([
      { fault: { kind: "rateLimited" }, operations: null, remaining: 1 },
    ]);
    expect(text).not.toContain(API_KEY);
    expect(text).toContain('"x-api-key":"[redacted]"');
    server.mock.clearFaults();
  });

  it("clears only for the page itself, and tells every open page", async () => {
    const clear = new URL("clear", page).href;
    expect((await fetch(clear, { method: "POST" })).status).toBe(403);
    const other = await fetch(clear, { method: "POST", headers: { Origin: "https://elsewhere.example" } });
    expect(other.status).toBe(403);
    expect(await other.text()).toBe("Only the inspector page itself can clear it.\n");
    expect((await fetch(clear, { method: "GET" })).status).toBe(404);
    const calls = server.mock.calls.length;
    const { events } = await readEvents(
      new URL("events", page).href,
      (events) => events.length === 2,
      async () => {
        expect((await fetch(clear, { method: "POST", headers: { Origin: page.origin } })).status).toBe(204);
      },
    );
    expect(events.map((e) => e.name)).toEqual(["snapshot", "snapshot"]);
    expect((events[0]?.data as InspectorEvents["snapshot"] | undefined)?.entries.length).toBeGreaterThan(0);
    expect((events[1]?.data as InspectorEvents["snapshot"] | undefined)?.entries).toEqual([]);
    expect(server.mock.calls).toHaveLength(calls);
  });

  it("answers only a loopback name: another site rebound to 127.0.0.1 cannot read it", async () => {
    const port = page.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await raw(page.href, { Host: host })).status, host).toBe(200);
    }
    for (const host of [
      `attacker.example:${port}`,
      `10.0.0.2:${port}`,
      `127.0.0.1.attacker.example:${port}`,
    ]) {
      const refused = await raw(new URL("events", page).href, { Host: host });
      expect(refused.status, host).toBe(403);
      expect(refused.body).toMatch(/only on a loopback address/);
    }
  });

  it("ends the open event streams when the server closes", async () => {
    const own = await startBuilt({ ui: true });
    const response = await fetch(new URL("events", own.inspectorUrl ?? ""));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await own.close();
    const ended = await reader.read().then(
      (result) => result.done,
      () => true,
    );
    expect(ended).toBe(true);
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["127.0.0.1:4010", true],
    ["127.1.2.3", true],
    ["localhost:4010", true],
    ["app.localhost", true],
    ["[::1]:4010", true],
    ["127.0.0.1.attacker.example", false],
    ["localhost.attacker.example", false],
    ["0.0.0.0:4010", false],
    ["[::2]", false],
    ["bad host name", false],
    ["", false],
    [undefined, false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe("the inspector page's size", () => {
  it("stays small: its three files under 10 kB gzipped together", () => {
    const dir = new URL("../../dist/inspector/", import.meta.url);
    const files = ["index.html", "inspector.css", "inspector.js"].map((file) =>
      readFileSync(new URL(file, dir)),
    );
    const gzipped = files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThan(10 * 1024);
  });
});

describe("startMockServer without ui", () => {
  it("serves no page: the inspector's paths are the mock's", async () => {
    const server = await startBuilt({});
    try {
      expect(server.inspectorUrl).toBeNull();
      const response = await fetch(`${new URL(server.url).origin}/_inspector/`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(server.mock.calls).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe("the inspector's files", () => {
  it("fail the start with the fix when they are missing (the sources run unbuilt)", async () => {
    const { startMockServer } = await import("../../src/server.js");
    await expect(startMockServer({ ui: true })).rejects.toThrow(
      /^the inspector page's file index\.html is missing from .*src\/inspector\/inspector\/: build @kapsokit\/testing \(pnpm build\) or reinstall it$/,
    );
  });
});
