// `pnpm run docs`: the TypeDoc site of the public packages, built from the declarations behind
// each export, whose front page is the root README. The build takes about 30 s, so the real
// thing runs here, into a temp folder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryPoints } from "../../scripts/docs-entries.mjs";
import { API_LINKS, landingPage } from "../../scripts/docs-landing.mjs";
import { type RunResult, run } from "../support/run.js";
import { publicPackages, root } from "../support/workspace.js";

const script = fileURLToPath(new URL("../../scripts/docs.mjs", import.meta.url));
let out = "";
let build: RunResult;

/** TypeDoc's file name for a module: `@kapsokit/testing/vitest` → `_kapsokit_testing.vitest`. */
function modulePage(name: string, subpath: string | undefined, multiple: boolean): string {
  const base = name.replace(/[@/]/g, "_");
  return `modules/${multiple ? `${base}.${subpath ?? "index"}` : base}.html`;
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "kapsokit-docs-out-"));
  build = await run(process.execPath, [script, out], { cwd: process.cwd(), timeoutMs: 120_000 });
}, 150_000);

afterAll(() => {
  if (out) {
    rmSync(out, { recursive: true, force: true });
  }
});

it("builds the site", () => {
  expect(build.status, build.output).toBe(0);
  expect(readFileSync(join(out, "index.html"), "utf8")).toContain("kapsokit");
});

describe("the front page", () => {
  const page = () => readFileSync(join(out, "index.html"), "utf8");
  /** The page's links to other pages of the site, without their anchors. */
  const localLinks = (html: string) =>
    [...html.matchAll(/<a href="([^"#]+)(#[^"]*)?"/g)]
      .map((match) => match[1] ?? "")
      .filter((href) => !/^(https?:|mailto:)/.test(href));

  it("is the root README, with the title once", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    const html = page();
    for (const heading of headings) {
      expect(html, heading).toContain(`>${heading}<`);
    }
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it("reaches kapso.templates.send in one click", () => {
    const html = page();
    const link = /<a href="([^"]+)#send"[^>]*>kapso\.templates\.send<\/a>/.exec(html);
    expect(link, "a link to kapso.templates.send").not.toBeNull();
    const target = readFileSync(join(out, link?.[1] ?? ""), "utf8");
    expect(target).toMatch(/id="send"/);
    expect(target).toContain("Sends a template to one phone number");
  });

  it("links every API entry point it lists, and a page for each package", () => {
    const html = page();
    for (const [text] of API_LINKS) {
      expect(html, text).toMatch(new RegExp(`<a href="[^"]+"[^>]*>${text}</a>`));
    }
    expect(html).not.toContain("{@link");
    for (const pkg of publicPackages()) {
      expect(html, pkg.manifest.name).toContain(
        `href="modules/${pkg.manifest.name.replace(/[@/]/g, "_")}.html"`,
      );
    }
  });

  it("has no link to a page or file the site lacks", () => {
    const links = localLinks(page());
    expect(links.length).toBeGreaterThan(10);
    for (const href of links) {
      expect(existsSync(join(out, href)), href).toBe(true);
    }
    expect(links).toContain("documents/CONTRIBUTING.html");
  });
});

describe("landingPage", () => {
  const packages = new Map([["client", "@kapsokit/client"]]);
  const render = (readme: string) =>
    landingPage(readme, { root: "/repo", page: "/tmp/site/README.md", packages });

  it("drops the title, links a package folder to the package, and moves other relative links", () => {
    const page = render(
      "# kapsokit\n\nSee [`@kapsokit/client`](packages/client) and [how](CONTRIBUTING.md#setup).\n",
    );
    expect(page).not.toMatch(/^# kapsokit/m);
    expect(page).toContain(
      "See {@link @kapsokit/client! @kapsokit/client} and [how](../../repo/CONTRIBUTING.md#setup).",
    );
    expect(page).toMatch(/^\*\*API reference:\*\* \{@link @kapsokit\/client!index\.Kapso Kapso\}/);
  });

  it("leaves code blocks and absolute links as they are", () => {
    const code = "```ts\nconst first = handlers[0](request); // [x](packages/client)\n```\n";
    const page = render(`# t\n\n[Kapso](https://app.kapso.ai/api/v1)\n\n${code}`);
    expect(page).toContain(code);
    expect(page).toContain("[Kapso](https://app.kapso.ai/api/v1)");
  });
});

describe.each(publicPackages().map((pkg) => [pkg.manifest.name, pkg] as const))("%s", (name, pkg) => {
  it("has a page for every entry point it exports", () => {
    const subpaths = Object.keys(pkg.manifest.exports ?? {})
      .filter((key) => key !== "./package.json")
      .map((key) => (key === "." ? undefined : key.slice(2)));
    for (const subpath of subpaths) {
      const page = modulePage(name, subpath, subpaths.length > 1);
      expect(existsSync(join(out, page)), page).toBe(true);
    }
  });
});

it("refuses an export whose declarations are not built", () => {
  const pkg = publicPackages()[0]!;
  const manifest = {
    name: pkg.manifest.name,
    exports: { "./missing": { import: { types: "./dist/missing.d.ts" } } },
  };
  expect(() => entryPoints(pkg.dir, manifest)).toThrow(/dist\/missing\.d\.ts is not built/);
});
