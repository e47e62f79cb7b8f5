/**
 * The class page's charts as inline SVG markup: no script, no library, nothing fetched.
 * Every text that goes into the markup passes through escapeXml. No xmlns: inline SVG in
 * HTML does not need one, and the page then names no http(s) address at all.
 */

import { escapeXml } from '../escape-xml';

export { escapeXml };

const BAR = '#3b6ea8';
const AXIS = '#6b7280';
const TEXT = '#1f2937';
const FONT = 'font-family="system-ui, sans-serif" font-size="11"';

/** Students per tenth of the maximum score: 0–10 %, …, 90–100 % (a full score lands in the last bin). */
export function scoreBins(scores: number[], maxScore: number, binCount = 10): number[] {
  const bins = new Array<number>(binCount).fill(0);
  for (const score of scores) {
    const share = maxScore > 0 ? Math.min(Math.max(score / maxScore, 0), 1) : 0;
    bins[Math.min(Math.floor(share * binCount), binCount - 1)]! += 1;
  }
  return bins;
}

export function scoreHistogramSvg(scores: number[], maxScore: number): string {
  const bins = scoreBins(scores, maxScore);
  const width = 480;
  const height = 210;
  const left = 36;
  const bottom = 34;
  const top = 16;
  const plotWidth = width - left - 24;
  const plotHeight = height - top - bottom;
  const highest = Math.max(1, ...bins);
  const slot = plotWidth / bins.length;
  const parts: string[] = [];
  bins.forEach((count, i) => {
    const barHeight = (count / highest) * plotHeight;
    const x = left + i * slot + 2;
    const y = top + plotHeight - barHeight;
    const range = `${i * 10}–${(i + 1) * 10} %`;
    parts.push(
      `<rect class="bar" x="${fixed(x)}" y="${fixed(y)}" width="${fixed(slot - 4)}" height="${fixed(barHeight)}" fill="${BAR}"><title>${escapeXml(`${count} ${count === 1 ? 'student' : 'students'} at ${range} of the maximum`)}</title></rect>`,
    );
    if (count > 0) parts.push(`<text x="${fixed(x + (slot - 4) / 2)}" y="${fixed(y - 3)}" text-anchor="middle" fill="${TEXT}" ${FONT}>${count}</text>`);
  });
  for (let i = 0; i <= bins.length; i += 2) {
    parts.push(`<text x="${fixed(left + i * slot)}" y="${height - bottom + 14}" text-anchor="middle" fill="${AXIS}" ${FONT}>${i * 10}%</text>`);
  }
  parts.push(`<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="${AXIS}"/>`);
  parts.push(`<text x="${left - 6}" y="${top + 4}" text-anchor="end" fill="${AXIS}" ${FONT}>${highest}</text>`);
  parts.push(`<text x="${left - 6}" y="${top + plotHeight}" text-anchor="end" fill="${AXIS}" ${FONT}>0</text>`);
  parts.push(`<text x="${left + plotWidth / 2}" y="${height - 4}" text-anchor="middle" fill="${AXIS}" ${FONT}>share of the maximum score</text>`);
  const label = `Histogram of total scores: ${bins.map((c, i) => `${i * 10}–${(i + 1) * 10} %: ${c}`).join(', ')}`;
  return svg(width, height, 'score-histogram', label, parts);
}

export interface PassRateBar {
  label: string;
  title: string;
  /** 0..1 */
  passRate: number;
}

export function passRateSvg(bars: PassRateBar[]): string {
  const rowHeight = 20;
  const labelWidth = 150;
  const barMax = 260;
  const width = labelWidth + barMax + 50;
  const height = bars.length * rowHeight + 10;
  const parts = bars.map((bar, i) => {
    const y = 5 + i * rowHeight;
    const percent = Math.round(bar.passRate * 100);
    const barWidth = Math.max(bar.passRate * barMax, bar.passRate > 0 ? 1 : 0);
    return [
      `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end" fill="${TEXT}" ${FONT}>${escapeXml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 2}" width="${barMax}" height="${rowHeight - 6}" fill="#e5e7eb"/>`,
      `<rect class="bar" x="${labelWidth}" y="${y + 2}" width="${fixed(barWidth)}" height="${rowHeight - 6}" fill="${BAR}"><title>${escapeXml(`${bar.title}: ${percent} % of the students passed every check`)}</title></rect>`,
      `<text x="${labelWidth + barMax + 6}" y="${y + 13}" fill="${TEXT}" ${FONT}>${percent}%</text>`,
    ].join('');
  });
  const label = `Share of students passing every check, per exercise: ${bars.map((b) => `${b.label} ${Math.round(b.passRate * 100)} %`).join(', ')}`;
  return svg(width, height, 'pass-rates', label, parts);
}

function svg(width: number, height: number, id: string, label: string, parts: string[]): string {
  return [
    `<svg id="${id}" class="chart" role="img" aria-label="${escapeXml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}

// Two decimals keep the markup short and identical across runs.
const fixed = (n: number): string => String(Math.round(n * 100) / 100);
