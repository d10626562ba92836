// The states contract (test-helpers/states-contract.ts) against every widget the package registers:
// a new widget without a case here fails the first test.
import { expect } from '../test-helpers/fixture.js';
import { statesContract } from '../test-helpers/states-contract.js';
import type { StatesContractCase } from '../test-helpers/states-contract.js';
import * as components from '../index.js';

const CASES: StatesContractCase[] = [
  { tag: 'carnet-record-summary' },
  { tag: 'carnet-agenda' },
  { tag: 'carnet-document-browser' },
  { tag: 'carnet-pill-organiser' },
  { tag: 'carnet-forum-feed', pathology: 'diabetes' },
  { tag: 'carnet-messages' },
  { tag: 'carnet-access-history', readsLocalRecord: false },
  { tag: 'carnet-moderation', readsLocalRecord: false, emptyState: 'unavailable' },
  { tag: 'carnet-sharing', readsLocalRecord: false },
  // The catalogue is the platform's: an on-device record has none, and the element says so.
  { tag: 'carnet-app-catalogue', readsLocalRecord: false },
  { tag: 'carnet-medical-profile' },
  // The card keeps its sections and says in each that nothing is recorded (what an emergency team must read).
  { tag: 'carnet-emergency-card', emptyState: null },
  // Nothing rings with an empty record: it says so, and that reminders show here when due.
  { tag: 'carnet-reminders' },
  { tag: 'carnet-tracker', pathology: 'diabetes' },
  // The Parkinson diary keeps its half-hours to fill with an empty record, and says « Rien de noté ».
  { tag: 'carnet-tracker', pathology: 'parkinson', emptyState: null },
];

/** Elements that are not widgets over the record (the provider is the source itself). */
const NOT_WIDGETS = new Set(['carnet-provider']);

describe('states contract coverage', () => {
  it('has a case for every widget the package exports', () => {
    const exported = Object.values(components as Record<string, unknown>)
      .filter(
        (value): value is CustomElementConstructor =>
          typeof value === 'function' && value.prototype instanceof HTMLElement,
      )
      .map((ctor) => customElements.getName(ctor))
      .filter((tag): tag is string => tag !== null && !NOT_WIDGETS.has(tag));
    expect(exported.length).to.be.greaterThan(5);
    expect(exported.filter((tag) => !CASES.some((c) => c.tag === tag))).to.deep.equal([]);
  });
});

for (const testCase of CASES) statesContract(testCase);
