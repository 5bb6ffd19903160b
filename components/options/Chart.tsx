import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { niceTicks } from '../../utils/domain/progress';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';

/**
 * Bar charts in plain SVG, drawn at the width they are shown at (so text keeps
 * its size on a laptop and in a phone-sized window): a value axis with round
 * ticks and its unit, the week or session under each bar, the value above each
 * bar where it fits, a legend for every mark, a budget line with its label.
 * Each bar (one group per week or session) is one keyboard stop at a time
 * (arrow keys, Home, End move between them) and answers hover and focus with a
 * tooltip; its accessible name says the same. Bars are told apart by shape as
 * well as colour (solid against hatched), so they read in dark mode and for
 * colour-blind readers. The figures stand in a table folded under the chart.
 * No library: these four charts need a few hundred lines, not a dependency.
 */

export interface ChartSeries {
  name: string;
  values: number[];
  /** solid: filled accent; outline: hatched outline; line: a level drawn across (a budget). */
  style: 'solid' | 'outline' | 'line';
  /** The value as said and shown in the tooltip, with its unit ("45 min", "2 steps"). */
  format: (value: number) => string;
  /** What the legend calls a line (its level, e.g. "60 min budget"); bars use `name`. */
  legend?: string;
}

const HEIGHT = 190;
const TOP = 22;
const BOTTOM = 24;
const LEFT = 34;
const RIGHT = 8;
/** Narrowest slot a week or session gets; with less room, only the newest are drawn. */
const MIN_SLOT = 14;
const CHAR = 7;

/** Grouped bars per label, optional budget line, legend and tooltip; then the figures as a folded table. */
export function BarChart({
  id,
  title,
  labels,
  names,
  notes,
  series,
  rowHeader,
  unit,
}: {
  id: string;
  title: string;
  /** Short labels under the bars. */
  labels: string[];
  /** The full label of each bar, for its name, the tooltip and the table (defaults to `labels`). */
  names?: string[];
  /** Extra words said about a bar (e.g. which phase ran over). */
  notes?: (string | null)[];
  series: ChartSeries[];
  rowHeader: string;
  /** The value axis's unit ("min", "steps"). */
  unit: string;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const width = useSignal(320);
  const active = useSignal<number | null>(null);
  const focusIndex = useSignal<number | null>(null);
  useEffect(() => {
    const el = wrap.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      if (el.clientWidth > 0) width.value = Math.round(el.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const full = names ?? labels;
  const bars = series.filter((s) => s.style !== 'line');
  const lines = series.filter((s) => s.style === 'line');
  const plotW = Math.max(60, width.value - LEFT - RIGHT);
  const fits = Math.max(1, Math.floor(plotW / MIN_SLOT));
  const from = Math.max(0, labels.length - fits);
  const shown = labels.length - from;
  const values = (s: ChartSeries) => s.values.slice(from, from + shown);
  const max = Math.max(1, ...bars.flatMap(values), ...lines.map((s) => s.values[0] ?? 0));
  const ticks = niceTicks(max);
  const top = ticks.at(-1) ?? max;
  const plotH = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, shown);
  const barW = Math.max(3, Math.min(36, (slot * 0.78) / Math.max(1, bars.length)));
  const groupW = barW * bars.length;
  const longest = Math.max(1, ...labels.slice(from).map((l) => l.length));
  const every = Math.max(1, Math.ceil((longest * CHAR + 6) / slot));
  const said = (i: number) =>
    [
      `${full[i] ?? ''}: ${series.map((s) => `${s.name} ${s.format(s.style === 'line' ? (s.values[0] ?? 0) : (s.values[i] ?? 0))}`).join(', ')}`,
      notes?.[i] ?? '',
    ]
      .filter(Boolean)
      .join('. ');
  const current = focusIndex.value ?? labels.length - 1;

  const onKey = (event: KeyboardEvent, i: number) => {
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? i + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? i - 1
          : event.key === 'Home'
            ? from
            : event.key === 'End'
              ? labels.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const to = Math.max(from, Math.min(labels.length - 1, next));
    focusIndex.value = to;
    active.value = to;
    (wrap.current?.querySelector(`[data-slot="${to}"]`) as SVGGElement | null)?.focus();
  };

  const tip = active.value === null || active.value < from ? null : active.value;
  const tipX = tip === null ? 0 : LEFT + (tip - from + 0.5) * slot;
  const tipTop = tip === null ? 0 : Math.min(...bars.map((s) => y(s.values[tip] ?? 0)));

  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {labels.length === 0 ? (
        <p class="muted">{t('chartEmpty')}</p>
      ) : (
        <>
          <ul class="chart-legend" aria-label={t('chartLegend')}>
            {series.map((s) => (
              <li key={s.name}>
                <svg width="22" height="12" aria-hidden="true" class="chart-swatch">
                  {s.style === 'line' ? (
                    <line x1="1" x2="21" y1="6" y2="6" class="budget-line" />
                  ) : s.style === 'solid' ? (
                    <rect x="3" y="1" width="16" height="10" class="bar solid" />
                  ) : (
                    <rect x="3.5" y="1.5" width="15" height="9" class="bar outline" fill={`url(#${id}-hatch)`} />
                  )}
                </svg>
                {s.legend ?? s.name}
              </li>
            ))}
          </ul>
          {from > 0 && <p class="small muted">{tn('chartShowingLast', shown)}</p>}
          <div class="chart-plot" ref={wrap}>
            {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the chart its bars belong to */}
            <svg
              role="group"
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-keys`}
              width={width.value}
              height={HEIGHT}
              viewBox={`0 0 ${width.value} ${HEIGHT}`}
            >
              <defs>
                <pattern id={`${id}-hatch`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <line x1="0" y1="0" x2="0" y2="5" class="hatch" />
                </pattern>
              </defs>
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> without tabindex is not focusable; the ticks are drawn for the eye, each bar says its own value */}
              <g aria-hidden="true" class="axis-y">
                <text x={4} y={12} class="unit">
                  {unit}
                </text>
                {ticks.map((v) => (
                  <g key={v} class="tick">
                    <line x1={LEFT} x2={LEFT + plotW} y1={y(v)} y2={y(v)} class={v === 0 ? 'axis' : 'grid'} />
                    <text x={LEFT - 5} y={y(v) + 4} text-anchor="end">
                      {v}
                    </text>
                  </g>
                ))}
              </g>
              {lines.map((s) => {
                const level = y(s.values[0] ?? 0);
                return (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> without tabindex is not focusable; the legend names this line
                  <g key={s.name} aria-hidden="true">
                    <line x1={LEFT} x2={LEFT + plotW} y1={level} y2={level} class="budget-line" />
                    <text x={LEFT + 4} y={level - 5} class="line-label">
                      {s.legend ?? s.name}
                    </text>
                  </g>
                );
              })}
              {labels.slice(from).map((label, k) => {
                const i = from + k;
                const x0 = LEFT + k * slot + (slot - groupW) / 2;
                return (
                  // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive by itself; it is a keyboard stop only to say its figures
                  <g
                    key={`${i}-${label}`}
                    data-slot={i}
                    role="img"
                    aria-label={said(i)}
                    tabindex={i === current ? 0 : -1}
                    class={i === tip ? 'slot active' : 'slot'}
                    onKeyDown={(e) => onKey(e, i)}
                    onFocus={() => (active.value = i)}
                    onBlur={() => (active.value = null)}
                    onPointerEnter={() => (active.value = i)}
                    onPointerLeave={() => (active.value = null)}
                    onClick={(e) => {
                      focusIndex.value = i;
                      (e.currentTarget as SVGGElement).focus();
                    }}
                  >
                    <rect x={LEFT + k * slot} y={TOP} width={slot} height={plotH} class="hit" />
                    {bars.map((s, b) => {
                      const v = s.values[i] ?? 0;
                      const text = String(v);
                      return (
                        <g key={s.name}>
                          <rect
                            x={x0 + b * barW}
                            y={y(v)}
                            width={Math.max(0, barW - 1)}
                            height={Math.max(0, TOP + plotH - y(v))}
                            class={s.style === 'solid' ? 'bar solid' : 'bar outline'}
                            fill={s.style === 'outline' ? `url(#${id}-hatch)` : undefined}
                          />
                          {text.length * CHAR <= barW + 6 && (
                            <text x={x0 + b * barW + barW / 2} y={y(v) - 4} text-anchor="middle" class="value">
                              {text}
                            </text>
                          )}
                        </g>
                      );
                    })}
                    {(labels.length - 1 - i) % every === 0 && (
                      <text x={LEFT + (k + 0.5) * slot} y={HEIGHT - 6} text-anchor="middle" class="label">
                        {label}
                      </text>
                    )}
                  </g>
                );
              })}
            </svg>
            {tip !== null && (
              <div
                class="chart-tip"
                aria-hidden="true"
                style={{
                  ...(tipX > width.value / 2
                    ? { right: `${Math.max(0, width.value - tipX - 8)}px` }
                    : { left: `${Math.max(0, tipX - 8)}px` }),
                  top: `${Math.max(0, tipTop - 6)}px`,
                }}
              >
                {said(tip)}
              </div>
            )}
          </div>
          <p id={`${id}-keys`} class="sr-only">
            {t('chartKeys')}
          </p>
        </>
      )}
      <details class="figures-fold">
        <summary>{t('chartFigures')}</summary>
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
              <tr key={`${i}-${label}`}>
                <th scope="row">
                  {full[i]}
                  {notes?.[i] ? ` (${notes[i]})` : ''}
                </th>
                {series.map((s) => (
                  <td key={s.name}>{s.values[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
