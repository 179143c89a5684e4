/** One line of a curve chart: y values over the shared x values (NaN where not measured). */
export interface CurveSeries {
  name: string;
  values: number[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f'];
const W = 720;
const H = 360;
const PAD = { left: 64, right: 210, top: 36, bottom: 48 };

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A small line chart with a logarithmic x axis (data sizes grow by 10×) and a linear y axis from 0, optionally
 * with a dashed horizontal target line; no dependency, plain SVG text.
 */
export function curveChartSvg(input: {
  title: string;
  xLabel: string;
  yLabel: string;
  xs: number[];
  series: CurveSeries[];
  target?: { value: number; label: string };
}): string {
  const { xs, series } = input;
  const finite = series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const yMax = Math.max(1, input.target?.value ?? 0, ...finite) * 1.1;
  const [lx0, lx1] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  const x = (v: number) =>
    PAD.left + ((Math.log10(v) - lx0) / Math.max(1e-9, lx1 - lx0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / yMax) * (H - PAD.top - PAD.bottom);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - PAD.right / 2}" y="20" text-anchor="middle" font-size="14">${esc(input.title)}</text>`,
    `<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="black"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}" stroke="black"/>`,
    `<text x="${(PAD.left + W - PAD.right) / 2}" y="${H - 10}" text-anchor="middle">${esc(input.xLabel)}</text>`,
    `<text x="14" y="${H / 2}" text-anchor="middle" transform="rotate(-90 14 ${H / 2})">${esc(input.yLabel)}</text>`,
  ];
  for (const v of xs) {
    out.push(
      `<text x="${x(v)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${v.toLocaleString('en-US')}</text>`,
    );
  }
  for (let i = 0; i <= 4; i++) {
    const v = (yMax / 4) * i;
    out.push(
      `<line x1="${PAD.left}" y1="${y(v)}" x2="${W - PAD.right}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v >= 100 ? Math.round(v) : v.toFixed(1)}</text>`,
    );
  }
  if (input.target) {
    const ty = y(input.target.value);
    out.push(
      `<line x1="${PAD.left}" y1="${ty}" x2="${W - PAD.right}" y2="${ty}" stroke="black" stroke-dasharray="6 4"/>`,
      `<text x="${W - PAD.right - 4}" y="${ty - 4}" text-anchor="end">${esc(input.target.label)}</text>`,
    );
  }
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = xs.flatMap((v, j) => (Number.isFinite(s.values[j]) ? [[x(v), y(s.values[j])]] : []));
    if (points.length > 1)
      out.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => p.join(',')).join(' ')}"/>`,
      );
    for (const [px, py] of points) out.push(`<circle cx="${px}" cy="${py}" r="3" fill="${colour}"/>`);
    const ly = PAD.top + 8 + i * 18;
    out.push(
      `<line x1="${W - PAD.right + 12}" y1="${ly}" x2="${W - PAD.right + 32}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${W - PAD.right + 38}" y="${ly + 4}">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
