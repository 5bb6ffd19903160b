import { t } from '../../utils/platform/i18n';

/**
 * Small bar charts in plain SVG (no library: four bar charts do not need one,
 * and nothing is loaded from anywhere). Each is an image with a name that says
 * what it shows, and the same figures stand in a table right under it. Bars are
 * told apart by shape as well as colour (solid against outlined), so they read
 * in dark mode and for colour-blind readers.
 */

export interface ChartSeries {
  name: string;
  values: number[];
  /** solid: filled accent; outline: hatched outline; line: a level drawn across (a budget). */
  style: 'solid' | 'outline' | 'line';
}

const W = 320;
const H = 140;
const PAD = 18;

/** Grouped bars per label, optional budget line; then the figures as a table. */
export function BarChart({
  id,
  title,
  labels,
  series,
  rowHeader,
}: {
  id: string;
  title: string;
  labels: string[];
  series: ChartSeries[];
  rowHeader: string;
}) {
  const bars = series.filter((s) => s.style !== 'line');
  const lines = series.filter((s) => s.style === 'line');
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (W - PAD) / Math.max(1, labels.length);
  const barW = Math.max(2, (slot * 0.8) / Math.max(1, bars.length));
  const y = (v: number) => H - PAD - (v / max) * (H - 2 * PAD);
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {labels.length === 0 && <p class="muted">{t('chartEmpty')}</p>}
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none">
        <title>{title}</title>
        <defs>
          <pattern id={`${id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="4" class="hatch" />
          </pattern>
        </defs>
        <line x1={PAD} y1={H - PAD} x2={W} y2={H - PAD} class="axis" />
        {labels.map((label, i) =>
          bars.map((s, k) => {
            const value = s.values[i] ?? 0;
            return (
              <rect
                key={`${label}-${s.name}`}
                x={PAD + i * slot + slot * 0.1 + k * barW}
                y={y(value)}
                width={barW}
                height={H - PAD - y(value)}
                class={s.style === 'solid' ? 'bar solid' : 'bar outline'}
                fill={s.style === 'outline' ? `url(#${id}-hatch)` : undefined}
              />
            );
          }),
        )}
        {lines.map((s) => (
          <line key={s.name} x1={PAD} x2={W} y1={y(s.values[0] ?? 0)} y2={y(s.values[0] ?? 0)} class="budget-line" />
        ))}
      </svg>
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {series.map((s) => (
                <td key={s.name}>{s.values[i] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
