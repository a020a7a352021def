// A survey's closing time names its zone (client/src/surveys/closingTime.ts), the way events do.
import { describe, expect, it } from 'vitest';
import { inputZoneName, withZoneName } from '../../client/src/surveys/closingTime';

describe('survey closing times with the zone named', () => {
  it('names Indonesian zones WIB / WITA / WIT', () => {
    expect(withZoneName('12 Des 2026 19.00', '2026-12-12T12:00:00Z', 'Asia/Jakarta')).toBe('12 Des 2026 19.00 WIB');
    expect(withZoneName('12 Des 2026 20.00', '2026-12-12T12:00:00Z', 'Asia/Makassar')).toBe('12 Des 2026 20.00 WITA');
    expect(withZoneName('12 Des 2026 21.00', '2026-12-12T12:00:00Z', 'Asia/Jayapura')).toBe('12 Des 2026 21.00 WIT');
  });

  it("uses the zone's abbreviation at that instant elsewhere (summer and winter differ)", () => {
    expect(withZoneName('1 Jul 2026 14:00', '2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('1 Jul 2026 14:00 CEST');
    expect(withZoneName('1 Dec 2026 13:00', '2026-12-01T12:00:00Z', 'Europe/Berlin')).toBe('1 Dec 2026 13:00 CET');
  });

  it("the builder's hint names the zone with its city and offset", () => {
    expect(inputZoneName('Asia/Jakarta', new Date('2026-12-05T12:00:00Z'))).toBe('WIB · Jakarta (UTC+7)');
  });
});
