// The docs site's front page: the root README, as users read it on GitHub and npm, made fit
// for the site. TypeDoc prints the project's name as the title, so the README's own `# title`
// goes; a line of links to the main entry points comes first, so `kapso.templates.send` is
// one click away; links to a package's folder go to that package's page; other relative links
// are made relative to where the page is written.
import { dirname, join, relative } from "node:path";

/** The entry points the front page links to, as TypeDoc declaration references. */
export const API_LINKS = [
  ["Kapso", "@kapsokit/client!index.Kapso"],
  ["kapso.templates.send", "@kapsokit/client!index.Templates.send"],
  ["kapso.templates.sendMany", "@kapsokit/client!index.Templates.sendMany"],
  ["errors", "@kapsokit/client!index.KapsoError"],
  ["createKapsoMock", "@kapsokit/testing!index.createKapsoMock"],
  ["the matchers", "@kapsokit/testing!vitest.KapsoMatchers"],
  ["the command line", "@kapsokit/cli!run"],
  ["createClient", "@kapsokit/core!index.createClient"],
];

/**
 * The front page's markdown, for a file written at `page`. `packages` maps a package's
 * folder under `packages/` to its name.
 */
export function landingPage(readme, { root, page, packages }) {
  const nav = API_LINKS.map(([text, target]) => `{@link ${target} ${text}}`).join(" · ");
  const rewrite = (prose) =>
    prose.replace(/\[([^\]]+)\]\(((?!https?:|#|mailto:)[^)\s]+)\)/g, (_link, text, target) => {
      const [path, anchor] = target.split("#");
      const folder = /^packages\/([^/]+)\/?(README\.md)?$/.exec(path)?.[1];
      if (folder !== undefined && packages.has(folder)) {
        // TypeDoc's link text is plain text, and `{@link target text}` leaves tables intact.
        return `{@link ${packages.get(folder)}! ${text.replaceAll("`", "")}}`;
      }
      return `[${text}](${relative(dirname(page), join(root, path))}${anchor ? `#${anchor}` : ""})`;
    });
  // Code blocks stay as they are; only the prose between them has links.
  const body = readme
    .replace(/^# .*\n+/, "")
    .split(/(^```[\s\S]*?^```$)/m)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
  return `**API reference:** ${nav}\n\n${body}`;
}
