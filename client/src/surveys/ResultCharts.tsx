// The results' charts (recharts), each with its numbers as a table next to it for screen readers and for reading
// exact values: bars per option (sideways on phones), the rating distribution with its mean, and NPS as one bar
// stacked from detractors through passives to promoters. Recharts' own keyboard layer is off: it made each chart an
// unnamed tab stop (svg role=application); the chart is one labelled image and its table carries the numbers.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useSvI18n } from './i18n/useSvI18n';
import { percentOf } from './nps';
import { GROUP_COLOURS, type Row } from './resultRows';
import { useNarrow } from './useNarrow';

const BRAND = '#0f766e';
/** A stacked segment of 0 has no width: its label would sit on its neighbour's. */
const hideZero = (label: string | number | boolean | null | undefined): string | number | boolean | null | undefined => (label === 0 ? '' : label);

/** Bars of counts with their labels; horizontal bars on phones, columns on wider screens. */
export function CountBars({ rows, label, testId }: { rows: Row[]; label: string; testId: string }) {
  const narrow = useNarrow();
  const height = narrow ? Math.max(120, rows.length * 40 + 30) : 240;
  return (
    <div className="sv-chart" role="img" aria-label={label} data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        {narrow ? (
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 32, bottom: 4, left: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="count" fill={BRAND} isAnimationActive={false}>
              {rows.map((row, i) => (
                <Cell key={i} fill={row.colour ?? BRAND} />
              ))}
              <LabelList dataKey="count" position="right" />
            </Bar>
          </BarChart>
        ) : (
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 20, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Bar dataKey="count" fill={BRAND} isAnimationActive={false}>
              {rows.map((row, i) => (
                <Cell key={i} fill={row.colour ?? BRAND} />
              ))}
              <LabelList dataKey="count" position="top" />
            </Bar>
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}

/** The numbers of a chart as a table: label, count, share of `total`. */
export function CountTable({ rows, total, head }: { rows: Row[]; total: number; head: string }) {
  const { t, formatNumber } = useSvI18n();
  return (
    <table className="sv-table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t('sv.results.count')}</th>
          <th scope="col">{t('sv.results.share')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i} data-testid="sv-count-row">
            <th scope="row">{row.label}</th>
            <td>{formatNumber(row.count)}</td>
            <td>{formatNumber(percentOf(row.count, total))}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** NPS as one stacked bar: detractors, passives, promoters, each labelled with its count. */
export function NpsBar({ detractors, passives, promoters, label }: { detractors: number; passives: number; promoters: number; label: string }) {
  const { t } = useSvI18n();
  const data = [{ name: 'NPS', detractors, passives, promoters }];
  return (
    <div className="sv-chart sv-chart--nps" role="img" aria-label={label} data-testid="sv-nps-bar">
      <ResponsiveContainer width="100%" height={64}>
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 4, bottom: 4, left: 4 }} stackOffset="expand">
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="name" hide />
          <Bar dataKey="detractors" stackId="nps" fill={GROUP_COLOURS.detractor} name={t('sv.results.detractors')} isAnimationActive={false}>
            <LabelList dataKey="detractors" position="center" fill="#fff" formatter={hideZero} />
          </Bar>
          <Bar dataKey="passives" stackId="nps" fill={GROUP_COLOURS.passive} name={t('sv.results.passives')} isAnimationActive={false}>
            <LabelList dataKey="passives" position="center" fill="#fff" formatter={hideZero} />
          </Bar>
          <Bar dataKey="promoters" stackId="nps" fill={GROUP_COLOURS.promoter} name={t('sv.results.promoters')} isAnimationActive={false}>
            <LabelList dataKey="promoters" position="center" fill="#fff" formatter={hideZero} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <ul className="sv-legend" aria-hidden="true">
        <li>
          <span className="sv-legend__swatch" style={{ background: GROUP_COLOURS.detractor }} /> {t('sv.results.detractors')}
        </li>
        <li>
          <span className="sv-legend__swatch" style={{ background: GROUP_COLOURS.passive }} /> {t('sv.results.passives')}
        </li>
        <li>
          <span className="sv-legend__swatch" style={{ background: GROUP_COLOURS.promoter }} /> {t('sv.results.promoters')}
        </li>
      </ul>
    </div>
  );
}
