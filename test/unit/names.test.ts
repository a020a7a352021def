// The name rules on their own: normalisation and the reason each refused name gets (server/lib/names.ts).
import { describe, expect, it } from 'vitest';
import { nameProblem, normalizeName } from '../../server/lib/names';
import { ApiRequestError } from '../../client/src/api/errors';
import { en } from '../../client/src/i18n/en';
import { id } from '../../client/src/i18n/id';
import { validateAuth } from '../../client/src/pages/authValidation';
import { nameError, nameErrorsFromServer } from '../../client/src/pages/nameValidation';
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

describe('the web forms use the same rules', () => {
  const form = { displayName: '', handle: 'budi_s', email: 'budi@example.test', login: '', password: 'kata-sandi-rahasia' };

  it('puts each problem of a display name on its field, in words the dictionaries have in both languages', () => {
    expect(validateAuth('register', { ...form, displayName: 'Budi Santoso' })).toEqual({});
    expect(validateAuth('register', { ...form, displayName: '   ' }).displayName).toBe('validation.required');
    expect(validateAuth('register', { ...form, displayName: '\u3164' }).displayName).toBe('validation.nameBlank');
    expect(validateAuth('register', { ...form, displayName: 'Budi\u202Etrela' }).displayName).toBe('validation.nameBidi');
    expect(validateAuth('register', { ...form, displayName: 'Budi\u0007' }).displayName).toBe('validation.nameControl');
    expect(validateAuth('register', { ...form, displayName: 'ad\u200Bmin' }).displayName).toBe('validation.nameInvisible');
    for (const key of ['validation.nameBlank', 'validation.nameBidi', 'validation.nameControl', 'validation.nameInvisible'] as const) {
      expect(en[key].length).toBeGreaterThan(0);
      expect(id[key].length).toBeGreaterThan(0);
      expect(id[key]).not.toBe(en[key]);
    }
  });

  it('reads the server’s 422 reasons back onto the fields they name', () => {
    const error = new ApiRequestError({
      status: 422,
      code: 'validation_failed',
      message: 'Some fields are invalid.',
      details: [
        { path: 'body.name', message: 'must not contain invisible characters', reason: 'invisible_character' },
        { path: 'body.slug', message: 'lower-case letters' },
      ],
    });
    expect(nameErrorsFromServer(error)).toEqual({ name: 'validation.nameInvisible' });
    expect(nameErrorsFromServer(new Error('network'))).toEqual({});
    expect(nameError('Rina 🧑🏽\u200D💻')).toBeNull();
  });
});
