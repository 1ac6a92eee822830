import { validateRequest } from "../../validation/request.js";
import { validationBody } from "../answers.js";
import type { Stage } from "../exchange.js";

/** A 422 listing every way the request breaks the spec: parameters, body, media type. */
export const validate: Stage = (exchange) => {
  const { operation, pathParams, url, request, bodyText, body } = exchange;
  const { violations, parameters } = validateRequest(operation, {
    pathParams,
    query: url.searchParams,
    headers: request.headers,
    bodyText,
    body,
  });
  exchange.parameters = parameters;
  return violations.length > 0 ? { status: 422, body: validationBody(violations) } : null;
};
