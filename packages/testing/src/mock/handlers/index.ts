// The mock's behaviour, one handler per operation, keyed by the spec's operationId. An
// operation without an entry is answered with its spec example until one is written here.
import type { OperationId } from "../../generated/examples.js";
import type { Handler } from "../exchange.js";
import { getTemplate } from "./get-template.js";
import { listTemplates } from "./list-templates.js";
import { sendTemplate } from "./send-template.js";
import { answerWithExample } from "./spec-example.js";

export const handlers = {
  listWhatsappTemplates: listTemplates,
  getWhatsappTemplate: getTemplate,
  sendWhatsappTemplate: sendTemplate,
} satisfies Partial<Record<OperationId, Handler>>;

/** The handler of an operation, or the spec-example answer when it has none. */
export function handlerFor(operationId: string): Handler {
  return Object.hasOwn(handlers, operationId)
    ? handlers[operationId as keyof typeof handlers]
    : answerWithExample;
}
