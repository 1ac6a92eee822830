// The inspector page's script: it listens to the server's events and shows each send as the
// customer will see it (rendered here, by the package's own renderMessage), grouped by
// recipient, beside every request the mock refused or failed. Everything a request carries
// reaches the page as text nodes or attribute values, never as HTML.
import type { TemplateMessage } from "@kapsokit/core";
import { type MessagePart, type RenderedHeader, renderMessage } from "../../render/render-message.js";
import type { InspectorEntry, InspectorEvents, InspectorFault, InspectorState } from "../protocol.js";

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  connection: byId("connection"),
  filter: byId<HTMLInputElement>("filter"),
  clear: byId<HTMLButtonElement>("clear"),
  rateLimit: byId("rate-limit"),
  faults: byId("faults"),
  noFaults: byId("no-faults"),
  apiUrl: byId("api-url"),
  kept: byId("kept"),
  chats: byId("chats"),
  noChats: byId("no-chats"),
  sentCount: byId("sent-count"),
  requests: byId("requests"),
  noRequests: byId("no-requests"),
  requestCount: byId("request-count"),
  announcer: byId("announcer"),
};

interface Chat {
  section: HTMLElement;
  list: HTMLOListElement;
  count: HTMLElement;
  phone: string;
}

const chats = new Map<string, Chat>();
// The elements of each entry, so the oldest can go when the page holds more than the server keeps.
const shown: { seq: number; elements: HTMLElement[] }[] = [];
let limit = 1000;
let sentTotal = 0;
let state: InspectorState | null = null;
let stateAt = 0;

// --- what a request says, in words -------------------------------------------------------

const FAULTS: Record<string, (fault: Record<string, unknown>) => string> = {
  error: (f) => `answers ${f.status}`,
  rateLimited: (f) => `answers 429, rate limited, Retry-After ${f.retryAfter ?? 60} s`,
  networkError: (f) => `fails the connection (${f.code ?? "ECONNREFUSED"})`,
  delay: (f) => `waits ${f.ms} ms, then answers`,
  hang: () => "never answers, until the client gives up",
  malformedJson: () => "answers with cut-off JSON",
  dropAfterAccept: () => "accepts a send, then drops the connection before answering",
};

function describeFault(fault: { kind: string } & Record<string, unknown>): string {
  return FAULTS[fault.kind]?.(fault) ?? fault.kind;
}

// A call records only the kind of the fault it met; its answer tells the rest.
const USED_FAULTS: Record<string, (status: number | undefined) => string> = {
  error: (status) => `answered ${status}`,
  rateLimited: () => "answered 429, rate limited",
  networkError: () => "failed the connection",
  delay: () => "delayed the answer",
  hang: () => "never answered",
  malformedJson: () => "answered with cut-off JSON",
  dropAfterAccept: () => "accepted the send, then dropped the connection",
};

type Outcome = "sent" | "ok" | "refused" | "limited" | "fault" | "none";

function outcomeOf(entry: InspectorEntry): Outcome {
  const { call } = entry;
  // A dropped connection may follow an answer the client never read.
  if (call.error !== null || call.response === null) {
    return "none";
  }
  if (call.response.status === 429) {
    return "limited";
  }
  if (call.fault !== null && call.fault !== "delay") {
    return "fault";
  }
  if (entry.sent) {
    return "sent";
  }
  return call.response.status < 400 ? "ok" : "refused";
}

const STATUS_WORDS: Record<number, string> = {
  400: "Bad request",
  401: "Refused: no API key, or one the mock does not accept",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  422: "Refused",
  429: "Rate limited",
};

/** The errors of an answer, each in the words the API gave. */
function errorsOf(body: unknown): string[] {
  if (typeof body !== "object" || body === null) {
    return typeof body === "string" && body !== "" ? [body] : [];
  }
  const { error, message, violations } = body as { error?: unknown; message?: unknown; violations?: unknown };
  if (Array.isArray(violations) && violations.length > 0) {
    return violations.map((v) => String((v as { message?: unknown }).message ?? JSON.stringify(v)));
  }
  return [...new Set([error, message].filter((v): v is string => typeof v === "string" && v !== ""))];
}

function summaryOf(entry: InspectorEntry, outcome: Outcome): string {
  const { call } = entry;
  const retryAfter = call.response?.headers["Retry-After"] ?? call.response?.headers["retry-after"];
  switch (outcome) {
    case "sent":
      return `Sent ${entry.sent?.templateName} to ${entry.sent?.to}`;
    case "none":
      return call.error === "aborted"
        ? "No answer: the client gave up waiting (aborted)"
        : call.fault === "dropAfterAccept"
          ? "Accepted, then the connection dropped: the client cannot know the message went out"
          : "No answer: the connection failed (network fault)";
    case "limited":
      return `Rate limited (429)${retryAfter ? `: retry after ${retryAfter} s` : ""}${call.fault ? ", by an armed fault" : ""}`;
    case "fault":
      return (call.response?.status ?? 0) >= 500
        ? `Server error (${call.response?.status})`
        : `Answered ${call.response?.status}`;
    case "ok":
      return `Answered ${call.response?.status}`;
    default:
      return STATUS_WORDS[call.response?.status ?? 0] ?? `Refused (${call.response?.status})`;
  }
}

// --- a message as the customer sees it ---------------------------------------------------

/** An address a link or an image may use: http(s) only, so a value cannot smuggle in `javascript:`. */
function safeUrl(url: string | null): string | null {
  if (!url) {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to an address when it is a safe one, its text in parts (a filled-in value marked). */
function link(url: string | null, ...content: Child[]): HTMLElement {
  const href = safeUrl(url);
  return href
    ? h("a", { class: "url", href, target: "_blank", rel: "noopener noreferrer" }, ...content)
    : h("span", { class: "url" }, ...content);
}

function partsView(parts: readonly MessagePart[]): Node[] {
  return parts.map((part) => {
    if (part.kind === "text") {
      return document.createTextNode(part.text);
    }
    if (part.kind === "parameter") {
      return h("mark", { class: "param", "data-name": part.name, title: `{{${part.name}}}` }, part.value);
    }
    return h("mark", { class: "missing", title: "no value was given" }, `{{${part.name}}}`);
  });
}

function headerView(header: RenderedHeader | null): Child {
  if (header === null) {
    return null;
  }
  if (header.kind === "text") {
    return h("p", { class: "header-text" }, ...partsView(header.parts));
  }
  if (header.kind === "location") {
    return h("p", { class: "media" }, "Location");
  }
  const label = { image: "Image", video: "Video", document: "Document" }[header.kind];
  if (header.url === null) {
    return h("p", { class: "media missing-media" }, `${label}: no address was given`);
  }
  const figure = h("figure", { class: `media ${header.kind}` });
  const caption = h(
    "figcaption",
    null,
    h("strong", null, header.filename ? `${label}: ${header.filename}` : label),
    " ",
    link(header.url, header.url),
  );
  // Nothing is fetched from outside by itself: the image loads when the user asks.
  const href = safeUrl(header.url);
  if (header.kind === "image" && href) {
    const load = h("button", { type: "button", class: "load" }, "Show the image");
    load.addEventListener("click", () => {
      const image = h("img", { src: href, alt: "The header image" });
      image.addEventListener("error", () =>
        image.replaceWith(h("p", { class: "problem" }, "The image did not load.")),
      );
      load.replaceWith(image);
    });
    figure.append(load);
  }
  figure.append(caption);
  return figure;
}

const time = (at: number) =>
  h("time", { datetime: new Date(at).toISOString() }, new Date(at).toLocaleTimeString());

function jsonView(title: string, value: unknown): HTMLElement {
  return h("details", null, h("summary", null, title), h("pre", null, JSON.stringify(value, null, 2)));
}

function exchangeView(entry: InspectorEntry): HTMLElement {
  const { call } = entry;
  return jsonView("Request and answer", {
    request: {
      method: call.method,
      path: call.path,
      query: call.query,
      headers: call.headers,
      body: call.body,
    },
    answer: call.response,
    fault: call.fault,
  });
}

function messageView(entry: InspectorEntry): HTMLElement {
  const send = (entry.call.body as { template?: TemplateMessage } | null)?.template;
  const item = h("li", {
    class: "message",
    "data-seq": String(entry.seq),
    "data-search": `${entry.sent?.templateName ?? ""} ${entry.sent?.templateId ?? ""}`,
  });
  const meta = h(
    "p",
    { class: "meta" },
    h("span", { class: "template" }, entry.sent?.templateName ?? ""),
    " · ",
    time(entry.at),
  );
  if (!entry.template || !send) {
    item.append(h("div", { class: "bubble" }, h("p", null, "The template is no longer in the store."), meta));
  } else {
    const rendered = renderMessage(entry.template, send);
    const bubble = h(
      "div",
      { class: "bubble" },
      headerView(rendered.header),
      h("p", { class: "body" }, ...partsView(rendered.body)),
      rendered.footer !== null && h("p", { class: "footer" }, rendered.footer),
      meta,
    );
    item.append(bubble);
    if (rendered.buttons.length > 0) {
      item.append(
        h(
          "ul",
          { class: "buttons", "aria-label": "Buttons" },
          ...rendered.buttons.map((button) =>
            h(
              "li",
              null,
              h(
                "span",
                { class: "label" },
                button.type === "URL" ? "↗ " : button.type === "PHONE_NUMBER" ? "☎ " : "↩ ",
                button.text,
              ),
              button.urlParts && link(button.url, ...partsView(button.urlParts)),
              button.phoneNumber && h("span", { class: "url" }, button.phoneNumber),
            ),
          ),
        ),
      );
    }
    if (rendered.problems.length > 0) {
      item.append(
        h(
          "ul",
          { class: "problems", "aria-label": "What does not fit the template" },
          ...rendered.problems.map((problem) => h("li", null, problem.message)),
        ),
      );
    }
  }
  item.append(h("p", { class: "ids" }, `message ${entry.sent?.messageId ?? ""}`), exchangeView(entry));
  return item;
}

function chatFor(phone: string): Chat {
  const existing = chats.get(phone);
  if (existing) {
    return existing;
  }
  const titleId = `chat-${chats.size + 1}`;
  const count = h("span", { class: "count" });
  const list = h("ol", { class: "messages" });
  const section = h(
    "article",
    { class: "chat", "aria-labelledby": titleId },
    h(
      "h3",
      { id: titleId, class: "chat-head" },
      h("span", { class: "avatar", "aria-hidden": "true" }, phone.replace(/\D/g, "").slice(-2) || "?"),
      h("span", { class: "phone" }, phone),
      count,
    ),
    list,
  );
  const chat = { section, list, count, phone };
  chats.set(phone, chat);
  ui.chats.prepend(section);
  return chat;
}

// --- a request, refused or not -----------------------------------------------------------

function requestView(entry: InspectorEntry): HTMLElement {
  const { call } = entry;
  const outcome = outcomeOf(entry);
  const status = call.response ? String(call.response.status) : "—";
  const errors = call.response && call.response.status >= 400 ? errorsOf(call.response.body) : [];
  const send = (call.body as { template?: { phone_number?: unknown } } | null)?.template;
  const phone = typeof send?.phone_number === "string" ? send.phone_number : "";
  const template = entry.template?.name ?? "";
  return h(
    "li",
    {
      class: `request ${outcome}`,
      "data-seq": String(entry.seq),
      "data-phone": phone,
      "data-search": `${template} ${entry.template?.id ?? ""} ${call.path}`,
    },
    h(
      "p",
      { class: "line" },
      h("span", { class: "badge", title: call.response ? `HTTP ${status}` : "no answer" }, status),
      " ",
      h("code", null, `${call.method} ${call.path}`),
      " ",
      time(entry.at),
    ),
    h("p", { class: "summary" }, summaryOf(entry, outcome)),
    outcome !== "sent" &&
      (template || phone) &&
      h("p", { class: "about" }, [template, phone && `to ${phone}`].filter(Boolean).join(" ")),
    call.fault &&
      h(
        "p",
        { class: "fault" },
        `Armed fault: ${USED_FAULTS[call.fault]?.(call.response?.status) ?? call.fault}`,
      ),
    errors.length > 0 &&
      h("ul", { class: "errors", "aria-label": "Errors" }, ...errors.map((error) => h("li", null, error))),
    exchangeView(entry),
  );
}

// --- the state of the mock ---------------------------------------------------------------

function renderState(next: InspectorState): void {
  state = next;
  stateAt = performance.now();
  ui.faults.replaceChildren(
    ...next.faults.map((armed: InspectorFault) =>
      h(
        "li",
        null,
        `${describeFault(armed.fault)}: `,
        armed.remaining === null
          ? "every request"
          : `the next ${armed.remaining === 1 ? "request" : `${armed.remaining} requests`}`,
        armed.operations ? ` to ${armed.operations.join(", ")}` : "",
      ),
    ),
  );
  ui.noFaults.hidden = next.faults.length > 0;
  ui.kept.textContent = next.total > limit ? `Showing the latest ${limit} of ${next.total} requests.` : "";
  renderRateLimit();
}

function renderRateLimit(): void {
  const rateLimit = state?.rateLimit;
  if (!rateLimit) {
    ui.rateLimit.textContent = "Off";
    return;
  }
  const elapsed = performance.now() - stateAt;
  const windows = rateLimit.windows
    .map((window) => ({ ...window, left: Math.ceil((window.resetsInMs - elapsed) / 1000) }))
    .filter((window) => window.left > 0);
  const lines = windows.map(
    (window, index) =>
      `${windows.length > 1 ? `key ${index + 1}: ` : ""}${window.used} used, ${window.remaining} left, the minute ends in ${window.left} s`,
  );
  ui.rateLimit.textContent = `${rateLimit.perMinute} requests a minute per API key. ${
    lines.length > 0 ? lines.join("; ") : "No request this minute."
  }`;
}

setInterval(renderRateLimit, 1000);

// --- filtering, adding and clearing ------------------------------------------------------

/** Whether the filter lets through a message or request to `phone` about `words` (template, path). */
function matches(phone: string, words: string): boolean {
  const query = ui.filter.value.trim().toLowerCase();
  if (query === "") {
    return true;
  }
  // A number matches however it is written: "+1 (415) 555" finds +14155550123.
  const digits = query.replace(/\D/g, "");
  if (/^[\d\s+().-]+$/.test(query) && digits !== "") {
    return phone.replace(/\D/g, "").includes(digits);
  }
  return `${phone} ${words}`.toLowerCase().includes(query);
}

function applyFilter(): void {
  for (const chat of chats.values()) {
    let visible = 0;
    for (const message of chat.list.children) {
      const hide = !matches(chat.phone, message.getAttribute("data-search") ?? "");
      (message as HTMLElement).hidden = hide;
      visible += hide ? 0 : 1;
    }
    chat.section.hidden = visible === 0;
  }
  for (const request of ui.requests.children) {
    (request as HTMLElement).hidden = !matches(
      request.getAttribute("data-phone") ?? "",
      request.getAttribute("data-search") ?? "",
    );
  }
}

function updateCounts(): void {
  ui.sentCount.textContent = sentTotal > 0 ? `(${sentTotal})` : "";
  ui.requestCount.textContent = shown.length > 0 ? `(${shown.length})` : "";
  ui.noChats.hidden = chats.size > 0;
  ui.noRequests.hidden = shown.length > 0;
  for (const chat of chats.values()) {
    const count = chat.list.children.length;
    chat.count.textContent = `${count} message${count === 1 ? "" : "s"}`;
  }
}

function add(entry: InspectorEntry): void {
  const elements: HTMLElement[] = [];
  if (entry.sent) {
    const chat = chatFor(entry.sent.to);
    const message = messageView(entry);
    chat.list.append(message);
    elements.push(message);
    sentTotal += 1;
  }
  const request = requestView(entry);
  ui.requests.prepend(request);
  elements.push(request);
  shown.push({ seq: entry.seq, elements });
  while (shown.length > limit) {
    for (const element of shown.shift()?.elements ?? []) {
      element.remove();
    }
  }
  for (const [phone, chat] of chats) {
    if (chat.list.children.length === 0) {
      chat.section.remove();
      chats.delete(phone);
    }
  }
}

function reset(snapshot: InspectorEvents["snapshot"]): void {
  limit = snapshot.limit;
  ui.apiUrl.textContent = snapshot.apiUrl;
  ui.chats.replaceChildren();
  ui.requests.replaceChildren();
  chats.clear();
  shown.length = 0;
  sentTotal = 0;
  for (const entry of snapshot.entries) {
    add(entry);
  }
  renderState(snapshot.state);
  applyFilter();
  updateCounts();
}

// New entries arrive in bursts during a bulk send: they are drawn together, a few times a second.
let pending: InspectorEvents["entry"][] = [];
function flush(): void {
  const batch = pending;
  pending = [];
  for (const { entry } of batch) {
    add(entry);
  }
  const last = batch.at(-1);
  if (last) {
    renderState(last.state);
    const { entry } = last;
    ui.announcer.textContent = `${batch.length > 1 ? `${batch.length} new requests. Latest: ` : ""}${summaryOf(entry, outcomeOf(entry))}.`;
  }
  applyFilter();
  updateCounts();
}

const events = new EventSource("events");
events.addEventListener("open", () => {
  ui.connection.textContent = "Live";
  ui.connection.className = "connection live";
});
events.addEventListener("error", () => {
  ui.connection.textContent = "Reconnecting to the mock…";
  ui.connection.className = "connection lost";
});
events.addEventListener("snapshot", (event) => {
  pending = [];
  reset(JSON.parse((event as MessageEvent<string>).data));
});
events.addEventListener("entry", (event) => {
  if (pending.length === 0) {
    setTimeout(flush, 100);
  }
  pending.push(JSON.parse((event as MessageEvent<string>).data));
});
events.addEventListener("state", (event) => {
  renderState(JSON.parse((event as MessageEvent<string>).data));
});

ui.filter.addEventListener("input", applyFilter);
ui.clear.addEventListener("click", async () => {
  ui.clear.disabled = true;
  try {
    const response = await fetch("clear", { method: "POST" });
    if (!response.ok) {
      ui.announcer.textContent = `Could not clear: ${await response.text()}`;
    }
  } catch {
    ui.announcer.textContent = "Could not clear: the mock is not reachable.";
  } finally {
    ui.clear.disabled = false;
  }
});
