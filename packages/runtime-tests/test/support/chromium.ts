import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import type { ScenarioResult } from "../../scenario/result.js";
import { bundleScenario } from "./bundle.js";

const CHROMIUM = "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// network refuses; the rest keep a CI start quiet and deterministic.
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium; `npm test` installs it first when it is missing (scripts/system-packages.mjs). */
export function ensureChromium(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing; install it with: sudo apt-get install -y chromium`);
  }
  return CHROMIUM;
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>kapsokit runtime test</title>
<script type="module" src="/browser.js"></script></head><body></body></html>`;

/** Serves the page and the browser bundle on loopback (http://127.0.0.1 is a secure context). */
async function servePage(): Promise<Server> {
  const script = readFileSync(await bundleScenario("browser", "chromium"));
  const server = createServer((request, response) => {
    if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (request.url === "/browser.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** Runs the browser scenario in headless Chromium and returns what the page reported. */
export async function runBrowserScenario(): Promise<ScenarioResult> {
  const executablePath = ensureChromium();
  const server = await servePage();
  const userDataDir = mkdtempSync(join(tmpdir(), "kapsokit-chromium-"));
  const pageErrors: string[] = [];
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: FLAGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") {
        pageErrors.push(message.text());
      }
    });
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof globalThis.runKapsoScenario === "function", undefined, {
      timeout: 20_000,
    });
    return await page.evaluate(() => globalThis.runKapsoScenario());
  } catch (error) {
    const details = pageErrors.length > 0 ? `\npage errors:\n${pageErrors.join("\n")}` : "";
    throw new Error(`${error instanceof Error ? error.message : String(error)}${details}`);
  } finally {
    await context?.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
