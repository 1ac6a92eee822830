// The API as a separate process for the queue tests: the kapsokit mock behind a gate that
// enforces a limit per API key per fixed window (429 with Retry-After and X-RateLimit-*),
// counts every send it received per phone, and holds answers on demand so a test can kill a
// worker at an exact point. Controlled over the IPC channel of `fork`:
//   { cmd: "hold", phone }        hold the next send to this phone (after counting it)
//   { cmd: "holdTemplates" }      hold template reads until released
//   { cmd: "release", phone? }    answer what is held (a phone's send, or template reads)
//   { cmd: "answer", phone, status } answer the next send to this phone with this status
//   { cmd: "count", key }         reply { type: "count", key, count } (sends accepted for the key)
//   { cmd: "stats" }              reply { type: "stats", ... }
// and it reports { type: "ready", url }, { type: "held", phone }, { type: "template-held" }.
// Options (argv[2], JSON): { limits: { "<api key>" | "*": { limit, windowMs, announce? } }, latencyMs }.
// With `announce`, accepted sends carry X-RateLimit-Limit and X-RateLimit-Remaining (which
// clients read as per minute, as the Kapso API means them).
import { createServer } from "node:http";
import { createKapsoMock, defineTemplate } from "@kapsokit/testing";

const options = JSON.parse(process.argv[2] ?? "{}");
const limits = options.limits ?? {};
const latencyMs = options.latencyMs ?? 0;

const NOTICE = defineTemplate({
  id: "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90",
  name: "bulk_notice",
  content: "Hi {{1}}, your code is {{2}}.",
});
const mock = createKapsoMock({ templates: [NOTICE], baseUrl: "http://127.0.0.1/api/v1" });

const sends = new Map(); // phone -> count received
const accepted = new Map(); // key -> [timestamps of accepted sends]
const rejected = new Map(); // key -> 429s
const windows = new Map(); // key -> { start, count }
const holds = new Set();
const answers = new Map(); // phone -> status
let holdTemplates = false;
const waiting = { templates: [], phones: new Map() };
let templateReads = 0;

function take(key) {
  const rule = limits[key] ?? limits["*"];
  if (!rule) {
    return { allowed: true };
  }
  const now = Date.now();
  let window = windows.get(key);
  if (!window || now - window.start >= rule.windowMs) {
    window = { start: now, count: 0 };
    windows.set(key, window);
  }
  const retryAfter = Math.max(1, Math.ceil((window.start + rule.windowMs - now) / 1000));
  if (window.count >= rule.limit) {
    return { allowed: false, limit: rule.limit, remaining: 0, retryAfter, announce: rule.announce };
  }
  window.count++;
  return { allowed: true, limit: rule.limit, remaining: rule.limit - window.count, announce: rule.announce };
}

function held(list, res) {
  return new Promise((resolve) => {
    list.push(resolve);
    res.on("close", resolve);
  });
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function write(res, response, text, extra = {}) {
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...extra });
  res.end(text);
}

const server = createServer(async (req, res) => {
  try {
    const body = await readBody(req);
    const key = String(req.headers["x-api-key"] ?? "");
    const isSend = req.method === "POST" && /\/send_template$/.test(req.url ?? "");
    if (!isSend && req.method === "GET") {
      templateReads++;
      if (holdTemplates) {
        process.send?.({ type: "template-held" });
        await held(waiting.templates, res);
        if (res.destroyed) {
          return;
        }
      }
    }
    let extra = {};
    let phone = "";
    if (isSend) {
      try {
        phone = JSON.parse(body.toString()).template?.phone_number ?? "";
      } catch {}
      const decision = take(key);
      if (!decision.allowed) {
        rejected.set(key, (rejected.get(key) ?? 0) + 1);
        res.writeHead(429, {
          "Content-Type": "application/json",
          "Retry-After": String(decision.retryAfter),
          "X-RateLimit-Remaining": "0",
          ...(decision.announce ? { "X-RateLimit-Limit": String(decision.limit) } : {}),
        });
        res.end(JSON.stringify({ error: "Rate limit exceeded" }));
        return;
      }
      if (decision.announce) {
        extra = {
          "X-RateLimit-Limit": String(decision.limit),
          "X-RateLimit-Remaining": String(decision.remaining),
        };
      }
      const status = answers.get(phone);
      if (status !== undefined) {
        answers.delete(phone);
      }
      // Received in full: from here on the server may act on it.
      if (status === undefined || status === 200 || status >= 500) {
        sends.set(phone, (sends.get(phone) ?? 0) + 1);
        const times = accepted.get(key) ?? [];
        times.push(Date.now());
        accepted.set(key, times);
      }
      if (holds.has(phone)) {
        holds.delete(phone);
        process.send?.({ type: "held", phone });
        const list = waiting.phones.get(phone) ?? [];
        waiting.phones.set(phone, list);
        await held(list, res);
        if (res.destroyed) {
          return;
        }
      }
      if (status !== undefined && status !== 200) {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: `answered ${status}`, status, message: `answered ${status}` }));
        return;
      }
    }
    if (latencyMs) {
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
    }
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([name, value]) =>
        Array.isArray(value) ? value.map((v) => [name, v]) : value === undefined ? [] : [[name, value]],
      ),
      body: body.length > 0 && req.method !== "GET" ? body : undefined,
    });
    const response = await mock.handle(request);
    write(res, response, await response.text(), extra);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});

process.on("message", (message) => {
  switch (message.cmd) {
    case "hold":
      holds.add(message.phone);
      break;
    case "holdTemplates":
      holdTemplates = true;
      break;
    case "release":
      if (message.phone) {
        for (const resolve of waiting.phones.get(message.phone) ?? []) {
          resolve();
        }
        waiting.phones.delete(message.phone);
      } else {
        holdTemplates = false;
        for (const resolve of waiting.templates.splice(0)) {
          resolve();
        }
      }
      break;
    case "answer":
      answers.set(message.phone, message.status);
      break;
    case "count":
      process.send?.({ type: "count", key: message.key, count: accepted.get(message.key)?.length ?? 0 });
      break;
    case "stats":
      process.send?.({
        type: "stats",
        sends: Object.fromEntries(sends),
        accepted: Object.fromEntries(accepted),
        rejected: Object.fromEntries(rejected),
        templateReads,
        cpuMs: Math.round(process.cpuUsage().user / 1000),
      });
      break;
  }
});
process.on("disconnect", () => process.exit(0));

server.listen(0, "127.0.0.1", () => {
  process.send?.({ type: "ready", url: `http://127.0.0.1:${server.address().port}/api/v1` });
});
