// Check-in codes: short enough to type at the door, from an alphabet without look-alikes (0/O, 1/I/L).
import { randomInt } from 'node:crypto';

export const RSVP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RSVP_CODE_LENGTH = 8;

/** A random check-in code (31^8, about 8.5e11 codes: collisions within one event are rare and retried). */
export function newRsvpCode(): string {
  let code = '';
  for (let i = 0; i < RSVP_CODE_LENGTH; i++) code += RSVP_CODE_ALPHABET[randomInt(RSVP_CODE_ALPHABET.length)];
  return code;
}

/** A typed code as stored: upper case, spaces and dashes dropped. */
export function normalizeRsvpCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
