// The id WhatsApp gives a message it accepted: what users keep to follow a message up.

/** The WhatsApp message id in a send's answer (`response.messages[0].id`), or `""`. */
export function messageIdOf(data: { response?: unknown }): string {
  const { messages } = (data.response ?? {}) as { messages?: { id?: unknown }[] };
  const id = Array.isArray(messages) ? messages[0]?.id : undefined;
  return typeof id === "string" ? id : "";
}
