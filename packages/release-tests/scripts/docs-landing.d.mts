/** The entry points the front page links to: link text and TypeDoc declaration reference. */
export const API_LINKS: readonly (readonly [text: string, target: string])[];

/** The front page's markdown, for a file written at `page`; `packages` maps folder → package name. */
export function landingPage(
  readme: string,
  options: { root: string; page: string; packages: ReadonlyMap<string, string> },
): string;
