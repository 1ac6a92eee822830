/**
 * A phone number without the spaces, dashes, dots and brackets people write in it, as the
 * client normalises `to` before a send: `+1 (415) 555-0123` → `+14155550123`.
 */
export const normalisePhone = (phone: string): string => phone.replace(/[\s().-]/g, "");
