/**
 * Benchmark harness: every figure is printed beside a baseline measured in the
 * same run (so a slow machine slows both) and beside its target.
 */
import { performance } from 'node:perf_hooks';

export interface BenchFigure {
  /** French name of the measure. */
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in this run. */
  baseline?: { name: string; value: number };
  /** Human-readable target, e.g. «< 300 ms». */
  target: string;
  pass: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<BenchFigure[]>;
}

export interface Timing {
  median: number;
  p95: number;
  mean: number;
  samples: number[];
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    median: at(0.5),
    p95: at(0.95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    samples,
  };
}

/** Times `fn` (ms) after `warmup` untimed runs. */
export async function time(fn: () => unknown, iterations = 20, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function renderFigures(figures: BenchFigure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline ? `${f.baseline.name} : ${fmt(f.baseline.value)} ${f.unit}` : '—',
    f.baseline && f.baseline.value > 0 ? `× ${fmt(f.value / f.baseline.value)}` : '—',
    f.target,
    f.pass ? 'oui' : 'NON',
  ]);
  const headers = [
    'Mesure',
    'Valeur',
    'Référence (même exécution)',
    'Rapport',
    'Objectif',
    'Atteint',
  ];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join(
    '\n',
  );
}
