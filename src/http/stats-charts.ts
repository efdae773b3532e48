import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ReplyRateRow, Stats } from '../domain/stats.js';

/**
 * Charts for the /stats page, drawn on the server by Observable Plot into a linkedom document and
 * sent as inline SVG: no script runs in the browser, so the page keeps its strict CSP. Plot's own
 * <style> element is removed (the CSP allows only /assets/app.css); `.chart` rules there size it.
 */
const CHART_WIDTH = 640;
const BAR_FILL = '#2f6f4f';

function toSvg(figure: Element): string {
  for (const style of [...figure.querySelectorAll('style')]) style.remove();
  for (const el of [figure, ...figure.querySelectorAll('[style]')]) el.removeAttribute('style');
  return figure.outerHTML;
}

function newDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** Horizontal bars of a rate per key (0..100 %), labelled with "count of total". */
export function rateChart(rows: readonly ReplyRateRow[], label: string): string {
  const data = rows.map((r) => ({ key: r.key, percent: (r.rate ?? 0) * 100, text: `${Math.round((r.rate ?? 0) * 100)}% (${r.count}/${r.of})` }));
  const figure = Plot.plot({
    document: newDocument(),
    className: 'chart',
    width: CHART_WIDTH,
    height: 40 + 28 * Math.max(1, data.length),
    marginLeft: 150,
    marginRight: 80,
    x: { domain: [0, 100], label, grid: true },
    y: { label: null, domain: data.map((d) => d.key) },
    marks: [
      Plot.barX(data, { y: 'key', x: 'percent', fill: BAR_FILL }),
      Plot.text(data, { y: 'key', x: 'percent', text: 'text', dx: 6, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
    ariaLabel: label,
  });
  return toSvg(figure as unknown as Element);
}

/** Columns of counts (waiting follow-ups by age, bookings by path). */
export function countChart(rows: readonly { key: string; count: number }[], label: string): string {
  const top = Math.max(1, ...rows.map((r) => r.count));
  const figure = Plot.plot({
    document: newDocument(),
    className: 'chart',
    width: CHART_WIDTH,
    height: 220,
    marginBottom: 40,
    x: { label: null, domain: rows.map((r) => r.key) },
    // Whole numbers only: as many ticks as the top count allows (at most 5).
    y: { label, grid: true, tickFormat: 'd', domain: [0, top], ticks: Math.min(5, top) },
    marks: [Plot.barY(rows, { x: 'key', y: 'count', fill: BAR_FILL }), Plot.text(rows, { x: 'key', y: 'count', text: (d: { count: number }) => String(d.count), dy: -8 }), Plot.ruleY([0])],
    ariaLabel: label,
  });
  return toSvg(figure as unknown as Element);
}

/** Every chart of the page, keyed by what it shows. */
export function statsCharts(s: Stats): { outcomes: string; byTemplate: string; byStep: string; overdue: string; bookings: string } {
  return {
    outcomes: rateChart(
      [
        { key: 'no-show', ...s.meetings.noShow },
        { key: 'rebooked after no-show', ...s.rebook },
      ],
      'share of meetings (%)',
    ),
    byTemplate: rateChart(s.replyRateByTemplate, 'reply rate (%)'),
    byStep: rateChart(s.replyRateByStep, 'reply rate (%)'),
    overdue: countChart(s.overdue.byAge.map((b) => ({ key: b.bucket, count: b.count })), 'follow-ups waiting'),
    bookings: countChart(
      [
        { key: 'straight away', count: s.bookings.direct },
        { key: 'after a question', count: s.bookings.afterConfirmation },
      ],
      'bookings from replies',
    ),
  };
}
