// Due-date throughput for working-day durations, one process, one thread.
// Run: node bench/calendar.bench.ts   (Node 24: node_modules/.bin/node bench/calendar.bench.ts)
import { createCalendar } from '../shared/calendar/calendar.ts';
import { computeDueDate, type Duration } from '../shared/calendar/due-date.ts';
import { getReferenceHolidayTables } from '../shared/calendar/reference-tables.ts';

const N = 1_000_000;
const RUNS = 7;
const calendar = createCalendar(getReferenceHolidayTables());

// Deterministic pseudo-random arrivals over 2018–2030 and limits of 1–60 working days.
let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const from = Date.UTC(2018, 0, 1);
const span = Date.UTC(2030, 0, 1) - from;
const starts = Array.from({ length: N }, () => from + Math.floor(random() * span));
const durations: Duration[] = Array.from({ length: N }, () => ({
  value: 1 + Math.floor(random() * 60),
  unit: 'workingDays',
}));

let checksum = 0;
const rates: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  for (let i = 0; i < N; i++) checksum += computeDueDate(calendar, starts[i]!, durations[i]!).dueAt.getTime() % 7;
  rates.push(N / ((performance.now() - t0) / 1000));
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(RUNS / 2)]!;
process.stdout.write(
  `computeDueDate (workingDays): median ${Math.round(median).toLocaleString('en')} ops/s over ${RUNS} runs of ` +
    `${N.toLocaleString('en')} (min ${Math.round(rates[0]!).toLocaleString('en')}, max ` +
    `${Math.round(rates[RUNS - 1]!).toLocaleString('en')}; node ${process.version}; checksum ${checksum})\n`,
);
