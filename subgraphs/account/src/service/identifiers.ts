import { z } from 'zod';

const E164 = /^\+[1-9]\d{6,14}$/;
const CN_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Phone numbers are kept in E.164. Accepts separators (spaces, dashes, dots, parentheses), a `00` international
 * prefix, and bare 11-digit mainland China mobile numbers (the platform's home market), which get +86.
 */
export function normalisePhone(input: string): string | null {
  let digits = input.trim().replace(/[\s\-.()]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (CN_MOBILE.test(digits)) digits = `+86${digits}`;
  return E164.test(digits) ? digits : null;
}

const emailSchema = z.email();

export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && emailSchema.safeParse(email).success ? email : null;
}

export type Identifier = { email: string; phone?: undefined } | { phone: string; email?: undefined };

/** A login identifier: an email when it contains '@', else a phone number. */
export function parseIdentifier(input: string): Identifier | null {
  if (input.includes('@')) {
    const email = normaliseEmail(input);
    return email ? { email } : null;
  }
  const phone = normalisePhone(input);
  return phone ? { phone } : null;
}

/** Stable key for throttling, also for identifiers that do not parse (so garbage is throttled too). */
export function identifierKey(input: string): string {
  const parsed = parseIdentifier(input);
  if (parsed?.email) return `email:${parsed.email}`;
  if (parsed?.phone) return `phone:${parsed.phone}`;
  return `raw:${input.trim().toLowerCase().slice(0, 256)}`;
}
