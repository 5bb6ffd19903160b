import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BarChart, type ChartSeries } from '../../../../components/options/Chart';

const min = (v: number) => `${v} min`;
const series: ChartSeries[] = [
  { name: 'Logged', values: [10, 70, 45], style: 'solid', format: min },
  { name: 'Budget', values: [60, 60, 60], style: 'line', format: min, legend: '60 min budget' },
];
const chart = (labels = ['Nov 9', 'Nov 16', 'Nov 23']) =>
  render(
    <BarChart
      id="c"
      title="Homework"
      labels={labels}
      names={labels.map((l) => `Week of ${l}`)}
      series={series}
      rowHeader="Week"
      unit="min"
    />,
  );

describe('BarChart', () => {
  afterEach(cleanup);

  it('names each mark in a legend and draws round ticks with the unit', () => {
    chart();
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toBe('Logged60 min budget');
    const drawn = [...document.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(drawn).toEqual(expect.arrayContaining(['min', '0', '20', '40', '60', '80', 'Nov 23', '70']));
  });

  it('is one keyboard stop, on the newest bar, whose name says its figures; arrows, Home and End move', () => {
    chart();
    const bars = screen.getAllByRole('img');
    expect(bars.map((b) => b.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
    expect(bars[2]?.getAttribute('aria-label')).toBe('Week of Nov 23: Logged 45 min, Budget 60 min');
    bars[2]?.focus();
    fireEvent.keyDown(bars[2] as Element, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Week of Nov 16: Logged 70 min, Budget 60 min');
    // The tooltip says the same.
    expect(document.querySelector('.chart-tip')?.textContent).toBe('Week of Nov 16: Logged 70 min, Budget 60 min');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement?.getAttribute('aria-label')).toContain('Nov 9');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('aria-label')).toContain('Nov 9');
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement?.getAttribute('aria-label')).toContain('Nov 23');
    expect(screen.getAllByRole('img').map((b) => b.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
  });

  it('keeps every figure in the table, and says when there is nothing yet', () => {
    chart();
    expect(screen.getAllByRole('row')).toHaveLength(4);
    cleanup();
    chart([]);
    expect(screen.getByText('Nothing to show yet.')).toBeTruthy();
  });
});
