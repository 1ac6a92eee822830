import { type OperationId, specExamples } from "../../generated/examples.js";
import { errorBody } from "../answers.js";
import type { Handler } from "../exchange.js";

/**
 * An operation the spec has and no handler implements yet: its documented success answer
 * (the spec's example, or a body built from its schema), as Prism would give; a 501 when the
 * spec documents no success at all.
 */
export const answerWithExample: Handler = (exchange) => {
  const { operation } = exchange;
  const responses = ((specExamples as Record<string, { responses: Record<string, unknown> }>)[
    operation.operationId as OperationId
  ]?.responses ?? {}) as Record<string, unknown>;
  const success = operation.statuses.find((status) => /^2(\d\d|XX)$/i.test(status));
  const example = success === undefined ? undefined : responses[success];
  if (success !== undefined && example !== undefined) {
    const status = /^\d+$/.test(success) ? Number(success) : 200;
    return { status, body: structuredClone(example) };
  }
  return {
    status: 501,
    body: errorBody(
      501,
      `The mock has no behaviour for ${operation.operationId} and the spec documents no success answer to give`,
    ),
  };
};
