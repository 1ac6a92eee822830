// The one phone normaliser of kapsokit: the client, the bulk engine, the mock's matchers and
// the command line all compare numbers through it, so `+1 (415) 555-0123` is one recipient.

/** A phone number in E.164 form: `+`, a country code and up to 15 digits in all. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The number without the spaces, dashes, dots and brackets people write in it.
 *
 * @example
 * ```ts
 * normalisePhone("+1 (415) 555-0123"); // "+14155550123"
 * ```
 */
export const normalisePhone = (phone: string): string => phone.replace(/[\s().-]/g, "");
