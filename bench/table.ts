/** The bench's one table: each number, its baseline from the same run, the ratio and the target. */
export interface Row {
  what: string;
  value: string;
  baseline: string;
  ratio: number | undefined;
  target: string;
  /** Undefined when there is no target to meet. */
  met: boolean | undefined;
}

export function printTable(rows: readonly Row[], meta: { mode: string; seconds: number }): void {
  const header = ['what', 'this run', 'baseline (same run)', 'ratio', 'target', 'met'];
  const cells = rows.map((row) => [
    row.what,
    row.value,
    row.baseline,
    row.ratio === undefined ? '' : row.ratio.toFixed(2),
    row.target,
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: readonly string[]): string =>
    `| ${values.map((value, i) => value.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ];
  process.stdout.write(`\nbench (${meta.mode}, ${meta.seconds} s)\n${out.join('\n')}\n`);
}
