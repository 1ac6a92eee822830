import type { TemplateFilters, WhatsappTemplate } from "@kapsokit/core";
import type { StoredTemplate } from "./fixtures.js";

/** What the list operation filters on: the `q[...]` filters and the plain ones beside them. */
export interface TemplateQuery extends TemplateFilters {
  customer_id?: string;
  business_account_id?: string;
  whatsapp_config_id?: string;
}

/** A change made through the store's methods. */
export interface TemplateStoreChange {
  action: "add" | "update" | "remove" | "clear" | "reset";
  /** The template added, updated or removed; absent for `clear` and `reset`. */
  templateId?: string;
}

/**
 * The mock's templates, editable by the test: add one, change its status, remove it.
 * Lists come back newest first, as the API returns them.
 */
export class TemplateStore {
  readonly #templates = new Map<string, StoredTemplate>();
  readonly #seed: () => StoredTemplate[];
  readonly #onChange: ((change: TemplateStoreChange) => void) | undefined;

  /** `onChange` hears of every change made through the methods below. */
  constructor(seed: () => StoredTemplate[], onChange?: (change: TemplateStoreChange) => void) {
    this.#seed = seed;
    this.#fill();
    this.#onChange = onChange;
  }

  /** Adds a template, or replaces the one with the same id. */
  add(template: StoredTemplate): StoredTemplate {
    this.#templates.set(template.id.toLowerCase(), template);
    this.#onChange?.({ action: "add", templateId: template.id });
    return template;
  }

  /** The template with this id (any letter case, `urn:uuid:` prefix or not), if there is one. */
  get(id: string): StoredTemplate | undefined {
    return this.#templates.get(id.toLowerCase().replace(/^urn:uuid:/, ""));
  }

  /** Changes fields of a stored template; throws when there is none with this id. */
  update(id: string, fields: Partial<StoredTemplate>): StoredTemplate {
    const current = this.get(id);
    if (!current) {
      throw new Error(`no template ${id} in the mock`);
    }
    const next = { ...current, ...fields, id: current.id };
    this.#templates.set(current.id.toLowerCase(), next);
    this.#onChange?.({ action: "update", templateId: current.id });
    return next;
  }

  /** Removes a template; later sends to it get a 404. */
  remove(id: string): boolean {
    const current = this.get(id);
    if (!current) {
      return false;
    }
    this.#templates.delete(current.id.toLowerCase());
    this.#onChange?.({ action: "remove", templateId: current.id });
    return true;
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
        (query.customer_id === undefined || sameId(t.customer_id, query.customer_id)) &&
        (query.business_account_id_eq === undefined ||
          t.business_account_id === query.business_account_id_eq) &&
        (query.business_account_id === undefined || t.business_account_id === query.business_account_id) &&
        (query.whatsapp_config_id_eq === undefined || hasConfig(t, query.whatsapp_config_id_eq)) &&
        (query.whatsapp_config_id === undefined || hasConfig(t, query.whatsapp_config_id)),
    );
  }

  /** Removes every template. */
  clear(): void {
    this.#templates.clear();
    this.#onChange?.({ action: "clear" });
  }

  /** Back to the templates the mock was created with. */
  reset(): void {
    this.#fill();
    this.#onChange?.({ action: "reset" });
  }

  #fill(): void {
    this.#templates.clear();
    for (const template of this.#seed()) {
      this.#templates.set(template.id.toLowerCase(), template);
    }
  }

  get size(): number {
    return this.#templates.size;
  }
}

function hasConfig(template: StoredTemplate, configId: string): boolean {
  return template.whatsapp_config_ids.some((id) => sameId(id, configId));
}

function sameId(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/** The template as the API returns it, without the store's own fields. */
export function toWire(template: StoredTemplate): WhatsappTemplate {
  const { customer_id: _customer, ...wire } = template;
  return wire;
}
