// The inspector's record of the mock: the latest calls as the page shows them, and what the
// mock holds now (rate-limit windows, armed faults), told to every open page as it changes.
// Kept apart from `mock.calls`, so clearing the page forgets nothing a test relies on.
import type { KapsoMock } from "../mock/create-kapso-mock.js";
import type { StoredTemplate } from "../mock/fixtures.js";
import type { RecordedCall, SentMessage } from "../mock/recording.js";
import type { InspectorEntry, InspectorEvents, InspectorSnapshot, InspectorState } from "./protocol.js";

/** Hears each event the page is sent, by its name. */
export type FeedListener = <K extends keyof InspectorEvents>(name: K, data: InspectorEvents[K]) => void;

export interface InspectorFeedOptions {
  /** The base URL a client sends to, shown on the page. */
  apiUrl: string;
  /** How many entries are kept; the oldest go first. */
  limit: number;
  /** The clock that stamps each entry. */
  now?: () => number;
}

export class InspectorFeed {
  readonly #mock: KapsoMock;
  readonly #options: InspectorFeedOptions;
  readonly #now: () => number;
  readonly #listeners = new Set<FeedListener>();
  readonly #unsubscribe: () => void;
  #entries: InspectorEntry[] = [];
  #seq = 0;
  #total = 0;

  constructor(mock: KapsoMock, options: InspectorFeedOptions) {
    this.#mock = mock;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    // The calls the mock received before the page existed (a mock handed to the server).
    const sentBy = new Map(mock.sent.map((sent) => [sent.call, sent]));
    for (const call of mock.calls) {
      if (call.response !== null || call.error !== null) {
        this.#add(call, sentBy.get(call) ?? null);
      }
    }
    this.#unsubscribe = mock.subscribe((event) => {
      if (event.type === "call") {
        const entry = this.#add(event.call, event.sent);
        this.#emit("entry", { entry, state: this.state() });
      } else if (event.type === "faults") {
        this.#emit("state", this.state());
      }
    });
  }

  /** Everything, for a page that just connected. */
  snapshot(): InspectorSnapshot {
    return {
      apiUrl: this.#options.apiUrl,
      limit: this.#options.limit,
      entries: this.#entries.slice(),
      state: this.state(),
    };
  }

  /** What the mock holds now. */
  state(): InspectorState {
    return {
      rateLimit: this.#mock.rateLimit,
      faults: this.#mock.armedFaults.map((armed) => ({
        fault: armed.fault,
        operations: armed.operations ? [...armed.operations] : null,
        remaining: Number.isFinite(armed.remaining) ? armed.remaining : null,
      })),
      total: this.#total,
    };
  }

  /** Adds a listener; call the function it returns to remove it. */
  listen(listener: FeedListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Forgets the entries (not the mock's own records) and tells every page. */
  clear(): void {
    this.#entries = [];
    this.#total = 0;
    this.#emit("snapshot", this.snapshot());
  }

  /** Stops listening to the mock. */
  close(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }

  #add(call: RecordedCall, sent: SentMessage | null): InspectorEntry {
    const { url: _url, ...shown } = call;
    const entry: InspectorEntry = {
      seq: ++this.#seq,
      at: this.#now(),
      call: shown,
      sent: sent && {
        messageId: sent.messageId,
        to: sent.to,
        templateId: sent.templateId,
        templateName: sent.templateName,
      },
      template: sent?.storedTemplate ?? this.#templateOf(call),
    };
    this.#total += 1;
    this.#entries.push(entry);
    if (this.#entries.length > this.#options.limit) {
      this.#entries.splice(0, this.#entries.length - this.#options.limit);
    }
    return entry;
  }

  // A refused send still shows what its template expects.
  #templateOf(call: RecordedCall): StoredTemplate | null {
    if (call.operation !== "sendWhatsappTemplate") {
      return null;
    }
    const id = call.path.split("/")[2] ?? "";
    try {
      return this.#mock.templates.get(decodeURIComponent(id)) ?? null;
    } catch {
      return null; // a malformed %-escape names no template
    }
  }

  #emit<K extends keyof InspectorEvents>(name: K, data: InspectorEvents[K]): void {
    for (const listener of [...this.#listeners]) {
      listener(name, data);
    }
  }
}
