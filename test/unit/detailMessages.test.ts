// The client shows the server's own two-language explanation of a 422 (e.g. a word rule that costs too much).
import { describe, expect, it } from 'vitest';
import { ApiRequestError, detailMessages } from '../../client/src/api/errors';
import { describeError } from '../../client/src/i18n/errorMessage';
import type { I18n } from '../../client/src/i18n/I18nProvider';

const details = [{ path: 'body.pattern', message: 'too large', code: 'regex_too_complex', limit: 100, messages: { en: 'Too large (limit 100).', id: 'Terlalu besar (batas 100).' } }];

describe('detailMessages', () => {
  it('picks the sentence in the reader language and ignores details without one', () => {
    expect(detailMessages(details, 'id')).toEqual(['Terlalu besar (batas 100).']);
    expect(detailMessages([{ path: 'body.title', message: 'x' }], 'en')).toEqual([]);
    expect(detailMessages('nope', 'en')).toEqual([]);
  });

  it('is what describeError says for such a 422', () => {
    const error = new ApiRequestError({ status: 422, code: 'validation_failed', message: 'Some fields are invalid.', details });
    const i18n = { t: ((key: string) => key) as I18n['t'], formatNumber: String, locale: 'en' as const };
    expect(describeError(error, i18n)).toBe('Too large (limit 100).');
  });
});
