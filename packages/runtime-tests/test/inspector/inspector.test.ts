// The mock server's inspector page in Debian's Chromium: sends made through the client show
// up live as the customer will see them, refused and faulted requests beside them, with the
// network cut off and nothing asked of any address but 127.0.0.1.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kapso, RateLimitError, SendOutcomeUnknownError, UnprocessableEntityError } from "@kapsokit/client";
import { fixtures } from "@kapsokit/testing";
import { type MockServer, startMockServer } from "@kapsokit/testing/server";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureChromium, FLAGS } from "../support/chromium.js";

const API_KEY = "sk_live_inspector_0123456789abcdef";
// HTML in a parameter must reach the customer's screen, and the page, as the text it is.
const HTML_NAME = "<img src=x onerror=\"document.title='pwned'\"><b>Bo</b>";
// Set KAPSOKIT_UPDATE_SCREENSHOT=1 to refresh the README's picture; otherwise it goes to a temp folder.
const README_SCREENSHOT = fileURLToPath(new URL("../../../testing/docs/inspector.png", import.meta.url));

let server: MockServer;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const requested: string[] = [];
const outside: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const executablePath = ensureChromium();
  server = await startMockServer({ ui: true, rateLimit: { perMinute: 100 } });
  userDataDir = mkdtempSync(join(tmpdir(), "kapsokit-inspector-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    // The network is cut: no name resolves but 127.0.0.1, so nothing could load from elsewhere.
    args: [...FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  });
  // Every request the page makes is recorded; one for any other host fails and is kept apart.
  context.on("request", (request) => requested.push(request.url()));
  await context.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => {
      outside.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      pageErrors.push(message.text());
    }
  });
  page.on("dialog", (dialog) => {
    pageErrors.push(`a dialog opened: ${dialog.message()}`);
    return dialog.dismiss();
  });
  await page.goto(server.inspectorUrl ?? "");
  await page.getByRole("status").filter({ hasText: "Live" }).waitFor({ timeout: 20_000 });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

const kapso = () =>
  new Kapso({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0, validateAgainstTemplate: false });

/** The page's text for one chat, found by its recipient. */
const chat = (phone: string) =>
  page.locator("article.chat").filter({ has: page.getByRole("heading", { name: phone }) });
const texts = (selector: string, within = page.locator("body")) => within.locator(selector).allTextContents();

describe("the inspector page in Chromium", () => {
  it("shows three sends through the client live, filled in and grouped by recipient", async () => {
    const client = kapso();
    await client.templates.send(fixtures.appointmentReminder.id, {
      to: "+1 415 555 0123",
      parameters: ["Ana", "Friday at 3 PM"],
      header: { type: "image", url: "https://example.com/reminder.jpg" },
    });
    await client.templates.send(fixtures.orderUpdate.id, {
      to: "+44 7700 900123",
      parameters: { customer_name: HTML_NAME, order_number: "1042" },
      header: { type: "text", text: "Order update" },
    });
    await client.templates.send(fixtures.orderShipped.id, {
      to: "+1 415 555 0123",
      parameters: ["Ana", "A-77"],
      buttons: { 0: "ABC123" },
    });

    const ana = chat("+14155550123");
    await expect.poll(() => ana.locator("li.message").count()).toBe(2);
    const [reminder, shipped] = await ana.locator("li.message").all();
    // Positional, with an image header: each value marked with the placeholder it fills.
    expect(await reminder!.locator(".body").textContent()).toBe(
      "Hi Ana, this is a reminder of your appointment on Friday at 3 PM.",
    );
    expect(await texts("mark.param", reminder!.locator(".body"))).toEqual(["Ana", "Friday at 3 PM"]);
    expect(
      await reminder!.locator(".body mark.param").evaluateAll((marks) => marks.map((m) => m.dataset.name)),
    ).toEqual(["1", "2"]);
    expect(await reminder!.locator("figure.media.image").textContent()).toContain(
      "https://example.com/reminder.jpg",
    );
    expect(await reminder!.locator(".footer").textContent()).toBe("Reply STOP to opt out");
    // A URL button: its label, and the final address with the value marked.
    const button = shipped!.getByRole("link", { name: /track\/ABC123/ });
    expect(await button.getAttribute("href")).toBe("https://example.com/track/ABC123");
    expect(await texts(".buttons .label", shipped!)).toEqual(["↗ Track order", "↩ Stop updates"]);
    expect(await texts(".buttons mark.param", shipped!)).toEqual(["ABC123"]);

    // Named, with a text header; the HTML in a value is text on the page, not markup.
    const bo = chat("+447700900123");
    await expect.poll(() => bo.locator("li.message").count()).toBe(1);
    expect(await bo.locator(".header-text").textContent()).toBe("Order update");
    expect(await texts(".body mark.param", bo)).toEqual([HTML_NAME, "1042"]);
    expect(await bo.locator(".body mark.param").first().innerHTML()).toContain("&lt;img src=x");
    expect(await page.locator("main img, main b").count()).toBe(0);
    expect(await page.title()).toBe("Kapso mock inspector");
  });

  it("shows a refused request with its errors in words, a fault and a 429 as such", async () => {
    const client = kapso();
    // The API's own words for a send that does not fit its template.
    await expect(
      client.templates.send(fixtures.appointmentReminder.id, {
        to: "+14155550123",
        parameters: ["only one"],
        header: { type: "image", url: "https://example.com/reminder.jpg" },
      }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
    // A body that breaks the spec, straight to the server: each violation in words.
    await fetch(`${server.url}/whatsapp_templates/${fixtures.orderUpdate.id}/send_template`, {
      method: "POST",
      headers: { "X-API-Key": API_KEY, "Content-Type": "application/json" },
      body: JSON.stringify({ template: { phone_number: "not a number", template_parameters: [1] } }),
    });
    server.mock.fault({ kind: "error", status: 500 }, { operation: "sendWhatsappTemplate" });
    await expect(
      client.templates.send(fixtures.orderShipped.id, {
        to: "+14155550123",
        parameters: ["A", "B"],
        buttons: { 0: "X" },
      }),
    ).rejects.toBeInstanceOf(SendOutcomeUnknownError);
    server.mock.fault({ kind: "rateLimited", retryAfter: 30 });
    await expect(client.templates.get(fixtures.orderUpdate.id)).rejects.toBeInstanceOf(RateLimitError);

    const refused = page.locator("li.request.refused");
    await expect.poll(() => refused.count()).toBe(2);
    const mismatch = refused.filter({ hasText: "appointment_reminder" });
    expect(await mismatch.locator(".badge").textContent()).toBe("422");
    expect(await texts(".errors li", mismatch)).toEqual([
      "Template requires 2 parameters, but 1 were provided",
    ]);
    const violations = await texts(".errors li", refused.filter({ hasText: "order_update" }));
    expect(violations.join("\n")).toMatch(/phone_number/);
    expect(violations.join("\n")).toMatch(/template_parameters\.0 must be string/);

    const fault = page.locator("li.request.fault");
    await expect.poll(() => fault.count()).toBe(1);
    expect(await fault.locator(".badge").textContent()).toBe("500");
    expect(await fault.locator(".fault").textContent()).toBe("Armed fault: answered 500");
    const limited = page.locator("li.request.limited");
    await expect.poll(() => limited.count()).toBe(1);
    expect(await limited.locator(".summary").textContent()).toBe(
      "Rate limited (429): retry after 30 s, by an armed fault",
    );
    // Nothing refused reached a chat.
    expect(await page.locator("li.message").count()).toBe(3);
  });

  it("shows the armed faults and the rate limiter's minute, and announces what arrives", async () => {
    server.mock.fault(
      { kind: "networkError", code: "ECONNRESET" },
      { operation: "getWhatsappTemplate", times: 2 },
    );
    const faults = page.locator("#faults li");
    await expect
      .poll(() => faults.allTextContents())
      .toEqual(["fails the connection (ECONNRESET): the next 2 requests to getWhatsappTemplate"]);
    expect(await page.locator("#no-faults").isHidden()).toBe(true);
    server.mock.clearFaults();
    await expect.poll(() => faults.count()).toBe(0);
    expect(await page.locator("#no-faults").isVisible()).toBe(true);
    // Every answered request so far counted against the key's minute, but those a fault answered.
    const counted = server.mock.calls.filter((call) => call.response?.headers["X-RateLimit-Limit"]).length;
    expect(await page.locator("#rate-limit").textContent()).toMatch(
      new RegExp(
        `^100 requests a minute per API key\\. ${counted} used, ${100 - counted} left, the minute ends in \\d+ s$`,
      ),
    );
    expect(await page.locator("[aria-live=polite]").textContent()).toMatch(
      /^(\d+ new requests\. Latest: )?Rate limited/,
    );
  });

  it("never shows the API key: the recorded headers read [redacted]", async () => {
    const details = page.locator("li.request").first().locator("details");
    await details.locator("summary").click();
    expect(await details.locator("pre").textContent()).toContain('"x-api-key": "[redacted]"');
    expect(await page.content()).not.toContain(API_KEY);
    expect(await page.evaluate(() => document.body.textContent)).not.toContain(API_KEY);
  });

  it("shows a page opened later everything so far, and works by keyboard: a skip link, then a labelled filter", async () => {
    const later = await context.newPage();
    later.on("pageerror", (error) => pageErrors.push(error.message));
    try {
      await later.goto(server.inspectorUrl ?? "");
      await expect.poll(() => later.locator("li.message").count()).toBe(3);
      const focused = () =>
        later.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
      await later.keyboard.press("Tab");
      expect(await focused()).toBe("Skip to the requests");
      await later.keyboard.press("Tab");
      expect(await focused()).toBe("filter");
      await later.keyboard.press("Tab");
      expect(await focused()).toBe("clear");
      await later.keyboard.press("Shift+Tab");
      await later.keyboard.press("Shift+Tab");
      await later.keyboard.press("Enter");
      expect(await focused()).toBe("requests-title");
      await later.getByLabel("Filter by phone or template").focus();
      await later.keyboard.type("+44 7700");
      await expect.poll(() => later.locator("article.chat:visible").count()).toBe(1);
      expect(await later.locator("article.chat:visible h3").textContent()).toContain("+447700900123");
      const filter = later.getByLabel("Filter by phone or template");
      await filter.fill("order_shipped");
      await expect.poll(() => later.locator("li.message:visible").count()).toBe(1);
      expect(await later.locator("li.request:visible").count()).toBe(2); // the send and the 500
      await filter.fill("");
      await expect.poll(() => later.locator("li.message:visible").count()).toBe(3);
    } finally {
      await later.close();
    }
  });

  it("has text contrast of at least 4.5:1 everywhere", async () => {
    const lowest = await page.evaluate(() => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const background = (element: Element | null): number[] => {
        for (let e = element; e; e = e.parentElement) {
          const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
          if (a > 0) {
            return [r ?? 0, g ?? 0, b ?? 0];
          }
        }
        return [255, 255, 255];
      };
      const results: { ratio: number; text: string }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (
          !element ||
          !node.textContent?.trim() ||
          !element.checkVisibility() ||
          element.closest(".visually-hidden")
        ) {
          continue;
        }
        const fore = luminance(rgb(getComputedStyle(element).color));
        const back = luminance(background(element));
        const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
        results.push({ ratio, text: node.textContent.trim().slice(0, 40) });
      }
      return results.sort((a, b) => a.ratio - b.ratio).slice(0, 3);
    });
    expect(lowest[0]?.ratio, JSON.stringify(lowest)).toBeGreaterThanOrEqual(4.5);
  });

  it("takes the README's screenshot", async () => {
    const png = await page.screenshot({ fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
    const target = process.env.KAPSOKIT_UPDATE_SCREENSHOT
      ? README_SCREENSHOT
      : join(userDataDir, "inspector.png");
    writeFileSync(target, png);
  });

  it("clears the page without touching the mock's own records", async () => {
    const calls = server.mock.calls.length;
    await page.getByRole("button", { name: "Clear" }).click();
    await expect.poll(() => page.locator("li.request").count()).toBe(0);
    expect(await page.locator("article.chat").count()).toBe(0);
    expect(await page.getByText("No message sent yet.").isVisible()).toBe(true);
    expect(server.mock.calls).toHaveLength(calls);
  });

  it("asked nothing of any other address, and loads a header image only when asked", async () => {
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    const hosts = new Set(requested.map((url) => new URL(url).host));
    expect([...hosts]).toEqual([new URL(server.url).host]);
    // The check itself can fail: the image, shown on request, is the one way out, and it is caught.
    await kapso().templates.send(fixtures.appointmentReminder.id, {
      to: "+14155550123",
      parameters: ["Ana", "Friday"],
      header: { type: "image", url: "https://example.com/reminder.jpg" },
    });
    await page.getByRole("button", { name: "Show the image" }).click();
    await page.getByText("The image did not load.").waitFor();
    expect(outside).toEqual(["https://example.com/reminder.jpg"]);
  });
});
