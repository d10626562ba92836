import { runRecurrenceBench } from './recurrence/recurrence.bench.js';
import { runMonthViewBench } from './recurrence/month-view.bench.js';

export default [
  { name: 'recurrence: month view of 200 mixed series, 2026 and 2036', run: async () => runMonthViewBench() },
  { name: 'recurrence: 200 zoned series over one year', run: async () => runRecurrenceBench() },
];
