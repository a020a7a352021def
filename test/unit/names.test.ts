// The name rules on their own: normalisation and the reason each refused name gets (server/lib/names.ts).
import { describe, expect, it } from 'vitest';
import { nameProblem, normalizeName } from '../../server/lib/names';
import { ACCEPTED_NAMES, REFUSED_NAMES } from '../security/nameCases';

describe('normalizeName', () => {
  it('composes to NFC, turns every run of white space into one space and trims', () => {
    expect(normalizeName('  Nguye\u0302\u0303n \t\n Thi\u0323  ')).toBe('Nguyễn Thị');
    expect(normalizeName('a\u00A0\u2003\u3000b\u2028c')).toBe('a b c');
  });

  it('keeps invisible characters that are not white space, so they can be judged instead of silently dropped', () => {
    expect(normalizeName('\uFEFFBudi\u200B')).toBe('\uFEFFBudi\u200B');
  });
});

describe('nameProblem', () => {
  it.each(ACCEPTED_NAMES)('accepts $label', ({ input, stored }) => {
    const name = normalizeName(input);
    expect(name).toBe(stored);
    expect(nameProblem(name)).toBeNull();
  });

  it.each(REFUSED_NAMES)('refuses $label as $reason', ({ input, reason }) => {
    expect(nameProblem(normalizeName(input))).toBe(reason);
  });
});
