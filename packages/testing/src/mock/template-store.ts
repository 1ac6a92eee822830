import type { TemplateFilters, WhatsappTemplate } from "@kapsokit/core";
import type { StoredTemplate } from "./fixtures.js";

/** What the list operation filters on: the `q[...]` filters and `customer_id`. */
export interface TemplateQuery extends TemplateFilters {
  customer_id?: string;
}

/**
 * The mock's templates, editable by the test: add one, change its status, remove it.
 * Lists come back newest first, as the API returns them.
 */
export class TemplateStore {
  readonly #templates = new Map<string, StoredTemplate>();
  readonly #seed: () => StoredTemplate[];

  constructor(seed: () => StoredTemplate[]) {
    this.#seed = seed;
    this.reset();
  }

  /** Adds a template, or replaces the one with the same id. */
  add(template: StoredTemplate): StoredTemplate {
    this.#templates.set(template.id.toLowerCase(), template);
    return template;
  }

  /** The template with this id (any letter case, `urn:uuid:` prefix or not), if there is one. */
  get(id: string): StoredTemplate | undefined {
    return this.#templates.get(id.toLowerCase().replace(/^urn:uuid:/, ""));
  }

  /** Changes fields of a stored template; throws when there is none with this id. */
  update(id: string, fields: Partial<StoredTemplate>): StoredTemplate {
    const current = this.get(id);
    if (!current) throw new Error(`no template ${id} in the mock`);
    const next = { ...current, ...fields, id: current.id };
    this.#templates.set(current.id.toLowerCase(), next);
    return next;
  }

  /** Removes a template; later sends to it get a 404. */
  remove(id: string): boolean {
    return this.#templates.delete(id.toLowerCase());
  }

  /** Every stored template, newest first. */
  all(): StoredTemplate[] {
    return [...this.#templates.values()].sort(
      (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || a.name.localeCompare(b.name),
    );
  }

  /** Templates that pass the list filters, newest first. */
  filter(query: TemplateQuery): StoredTemplate[] {
    const name = query.name_cont?.toLowerCase();
    return this.all().filter(
      (t) =>
        (name === undefined || t.name.toLowerCase().includes(name)) &&
        (query.language_code_eq === undefined || t.language_code === query.language_code_eq) &&
        (query.category_eq === undefined || t.category === query.category_eq) &&
        (query.status_eq === undefined || t.status === query.status_eq) &&
        (query.customer_id_eq === undefined || sameId(t.customer_id, query.customer_id_eq)) &&
        (query.customer_id === undefined || sameId(t.customer_id, query.customer_id)),
    );
  }

  /** Removes every template. */
  clear(): void {
    this.#templates.clear();
  }

  /** Back to the templates the mock was created with. */
  reset(): void {
    this.clear();
    for (const template of this.#seed()) this.add(template);
  }

  get size(): number {
    return this.#templates.size;
  }
}

function sameId(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/** The template as the API returns it, without the store's own fields. */
export function toWire(template: StoredTemplate): WhatsappTemplate {
  const { customer_id: _customer, ...wire } = template;
  return wire;
}
