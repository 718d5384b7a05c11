// Report helpers shared by benchmarks: Markdown tables (they paste into a review as they are)
// and quantiles of samples.

/** A Markdown table under a title; the first column is left-aligned, the others right-aligned. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((name, i) =>
    Math.max(name.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cols: string[]) =>
    `| ${widths.map((w, i) => (i === 0 ? (cols[i] ?? '').padEnd(w) : (cols[i] ?? '').padStart(w))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) {
    console.log(line(row));
  }
}

/** The q-quantile (nearest rank) of samples; NaN when there are none. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) {
    return NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** A number with fixed decimals, or "n/a" for a figure that could not be measured. */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}
