// Turns any error a command ends with into a message and an exit code. Users see what went
// wrong and what to do, never a stack trace (unless KAPSO_DEBUG is set).
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  KapsoError,
  SendOutcomeUnknownError,
  ValidationError,
} from "@kapsokit/client";
import { UsageError } from "../errors.js";
import { EXIT } from "../exit-codes.js";

export interface ErrorReport {
  exitCode: number;
  /** Lines for people. */
  message: string;
  /** The same for --json. */
  json: {
    name: string;
    message: string;
    status?: number;
    requestId?: string;
    issues?: unknown;
    problems?: string[];
  };
}

/** The message and exit code for an error a command ended with. */
export function describeError(error: unknown, debug = false): ErrorReport {
  if (error instanceof UsageError) {
    return {
      exitCode: EXIT.usage,
      message: error.message,
      json: {
        name: "UsageError",
        message: error.message,
        ...(error.problems.length > 1 ? { problems: error.problems } : {}),
      },
    };
  }
  if (error instanceof ValidationError) {
    const lines = error.issues.map((issue) => `  ${issue.path}: ${issue.message}`);
    return {
      exitCode: EXIT.usage,
      message: `invalid input, nothing was sent:\n${lines.join("\n")}`,
      json: { name: error.name, message: error.message, issues: error.issues },
    };
  }
  if (error instanceof SendOutcomeUnknownError) {
    const id = error.requestId ? ` (request ${error.requestId})` : "";
    return {
      exitCode: EXIT.unknown,
      message: `${error.message}${id}. The message may have been delivered; check before sending it again.`,
      json: {
        name: error.name,
        message: error.message,
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      },
    };
  }
  if (error instanceof AuthenticationError) {
    return {
      exitCode: EXIT.failed,
      message: `the API refused the key (401 ${error.message}): check KAPSO_API_KEY`,
      json: { name: error.name, message: error.message, status: error.status, requestId: error.requestId },
    };
  }
  if (error instanceof APIError) {
    const id = error.requestId ? ` (request ${error.requestId})` : "";
    return {
      exitCode: EXIT.failed,
      message: `the API answered ${error.status}: ${error.message}${id}`,
      json: { name: error.name, message: error.message, status: error.status, requestId: error.requestId },
    };
  }
  if (error instanceof APIConnectionError) {
    // The message names the host and the runtime's reason (a refused connection, a DNS failure).
    return {
      exitCode: EXIT.failed,
      message: `could not reach the API: ${error.message}; check --base-url / KAPSO_BASE_URL and the network`,
      json: { name: error.name, message: error.message },
    };
  }
  if (error instanceof KapsoError) {
    return {
      exitCode: EXIT.usage,
      message: error.message,
      json: { name: error.name, message: error.message },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  return {
    exitCode: EXIT.internal,
    message: `internal error: ${message}${stack}${debug ? "" : "\n(set KAPSO_DEBUG=1 for details)"}`,
    json: { name: error instanceof Error ? error.name : "Error", message },
  };
}
