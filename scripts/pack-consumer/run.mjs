// Runs in Node with no DOM, as server-side rendering would: importing both packages must not
// throw, and the SDK's pure parts must work.
import * as sdk from '@carnet/catalog-sdk';
import * as components from '@carnet/components';

const event = {
  id: 'e1',
  title: 'Dialyse',
  kind: 'appointment',
  start: '2026-03-23T07:30',
  end: '2026-03-23T11:30',
  timeZone: 'Europe/Paris',
  rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  exdates: [],
  overrides: [],
  reminders: [],
  version: '1',
};
const occurrences = sdk.expandOccurrences(event, {
  start: new Date('2026-03-23T00:00:00Z'),
  end: new Date('2026-04-06T00:00:00Z'),
});
if (occurrences.length !== 6) throw new Error(`expected 6 occurrences, got ${occurrences.length}`);
if (typeof components !== 'object') throw new Error('components did not load');
console.log(`SDK and components load in Node; ${occurrences.length} occurrences expanded.`);
