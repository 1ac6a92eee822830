// The `date-time` check Prism uses in place of ajv-formats' own (RFC 3339: a date, `T` or a
// space, a time with a mandatory zone), written out here so the mock's generated validators
// accept and refuse exactly what Prism does. test/generator/date-time.test.ts compares the two.
"use strict";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Prism takes ISO 8601's offsets: hours up to 24, minutes up to 59, the colon optional.
const ZONE = /^(?:z|[+-](?:[01]\d|2[0-4])(?::?[0-5]\d)?)$/i;
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year) {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isDate(text) {
  const match = DATE.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month];
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

function isZonedTime(text) {
  const match = TIME.exec(text);
  if (!match) {
    return false;
  }
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A leap second is written 23:59:60, whatever the zone.
  const clock =
    (hour <= 23 && minute <= 59 && second <= 59) || (hour === 23 && minute === 59 && second === 60);
  return clock && match[4] !== undefined && ZONE.test(match[4]);
}

/** True for an RFC 3339 date-time as Prism reads one: `2025-03-01T09:30:00Z`. */
function isDateTime(text) {
  const parts = text.split(/t|\s/i);
  return parts.length === 2 && isDate(parts[0]) && isZonedTime(parts[1]);
}

module.exports = { isDateTime };
