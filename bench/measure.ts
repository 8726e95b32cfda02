export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Runs `work` a few times after a warm-up and returns times in milliseconds. */
export function measure(work: () => unknown, runs = 9, warmups = 3): Timing {
  for (let i = 0; i < warmups; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times[times.length - 1]!, runs };
}

export function report(label: string, t: Timing, chars: number, note = ''): void {
  const perSecond = (chars / (t.median / 1000)).toExponential(2);
  console.log(
    `${label.padEnd(46)} median ${t.median.toFixed(2).padStart(8)} ms  (min ${t.min.toFixed(2)}, max ${t.max.toFixed(2)}, ${t.runs} runs)  ${perSecond} chars/s  ${note}`,
  );
}
