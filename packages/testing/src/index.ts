export type { OperationId } from "./generated/examples.js";
export { specExamples } from "./generated/examples.js";
// The matchers' type, and with it their declarations on vitest's and jest's `expect`.
export type { KapsoMatchers } from "./matchers/expect-types.js";
export type { KapsoMock, KapsoMockOptions } from "./mock/create-kapso-mock.js";
export { createKapsoMock, documentedBody, MOCK_BASE_URL } from "./mock/create-kapso-mock.js";
export type { ArmedFault, Fault, FaultTarget } from "./mock/faults.js";
export { isMockNetworkError, MockNetworkError } from "./mock/faults.js";
export type { Fixtures, StoredTemplate } from "./mock/fixtures.js";
export { createFixtures, defineTemplate, fixtures } from "./mock/fixtures.js";
export type { MockEvent, MockListener } from "./mock/observers.js";
export type { RateLimitOptions, RateLimitStatus } from "./mock/rate-limiter.js";
export type { RecordedCall, SentMessage } from "./mock/recording.js";
export { REDACTED } from "./mock/recording.js";
export type { TemplateQuery, TemplateStoreChange } from "./mock/template-store.js";
export { TemplateStore } from "./mock/template-store.js";
export type {
  MessagePart,
  RenderedButton,
  RenderedHeader,
  RenderedMessage,
  RenderProblem,
} from "./render/render-message.js";
export { renderMessage } from "./render/render-message.js";
export type { Violation } from "./validation/types.js";
