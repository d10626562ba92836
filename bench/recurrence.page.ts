import { runRecurrenceBench } from './recurrence/recurrence.bench.js';

export default [{ name: 'recurrence: 200 zoned series over one year', run: async () => runRecurrenceBench() }];
