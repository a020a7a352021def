// The rows the results' charts and tables draw: one per option, or one per value of a scale with the values nobody
// chose as zeros (a distribution without gaps reads right), NPS values coloured by their group.
import type { OptionCount, ValueCount } from '../../../server/contracts/surveys';
import { npsGroup } from './nps';

export const GROUP_COLOURS = { detractor: '#c2410c', passive: '#737373', promoter: '#15803d' } as const;

/** One bar or table row. */
export interface Row {
  label: string;
  count: number;
  colour?: string;
}

/** Option rows of a single or multi question. */
export const optionRows = (options: readonly OptionCount[]): Row[] => options.map((o) => ({ label: o.label, count: o.count }));

/** Every value of min..max with its count (values nobody chose show 0); `npsColours` colours them by NPS group. */
export function valueRows(distribution: readonly ValueCount[], scale: { min: number; max: number; npsColours?: boolean }): Row[] {
  const rows: Row[] = [];
  for (let value = scale.min; value <= scale.max; value++) {
    const count = distribution.find((d) => d.value === value)?.count ?? 0;
    rows.push({ label: String(value), count, ...(scale.npsColours ? { colour: GROUP_COLOURS[npsGroup(value)] } : {}) });
  }
  return rows;
}
