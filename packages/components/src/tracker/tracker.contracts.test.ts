import { createLocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, dialogContract, PATIENCE } from '../test-helpers/dialog-contract.js';
import { fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { rovingFocusContract } from '../test-helpers/roving-focus-contract.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetTracker } from './tracker.js';
import { part } from './test-helpers/glucose-entry.js';
import { mountDiary } from './test-helpers/motor-diary.js';
import '../provider/provider.js';
import './tracker.js';

/** The diary's half-hour buttons, in order. */
function diarySlots(host: HTMLElement): HTMLElement[] {
  return [...(host.shadowRoot?.querySelectorAll<HTMLElement>('[part="slot"]') ?? [])];
}

/** A tracker over a record holding two values of the last days. */
async function mountTracker(label: string): Promise<HTMLElement> {
  const dbName = uniqueDbName(label);
  const record = createLocalDataSource({ dbName });
  const hoursAgo = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();
  await record.trackers.add('glucose', { at: hoursAgo(30), value: 104, unit: 'mg/dL', mealContext: 'before-meal' });
  await record.trackers.add('glucose', { at: hoursAgo(3), value: 172, unit: 'mg/dL', mealContext: 'after-meal' });
  record.close();
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} pathology="diabetes"><carnet-tracker></carnet-tracker></carnet-provider>`,
  );
  const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
  await waitUntil(() => tracker.shadowRoot?.querySelector('[part="chart"]'), 'tracker shown', PATIENCE);
  return tracker;
}

/** A kidney tracker over an empty record. */
async function mountKidneyTracker(label: string): Promise<HTMLElement> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${uniqueDbName(label)} pathology="kidney"
      ><carnet-tracker></carnet-tracker
    ></carnet-provider>`,
  );
  const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
  await waitUntil(() => tracker.matches(':state(empty)'), 'kidney tracker shown', PATIENCE);
  return tracker;
}

describe('<carnet-tracker> contracts', () => {
  afterEach(deleteTestDatabases);

  dialogContract([
    {
      name: 'the glucose entry',
      mount: () => mountTracker('contract-tracker-entry'),
      open: async (host) => {
        const add = part(host, '[part="add"]');
        await activate(add);
        return add;
      },
      selector: 'dialog[part="entry-dialog"]',
      safeChoice: /^Glycémie/,
    },
    {
      name: 'the import of a meter export',
      mount: () => mountTracker('contract-tracker-import'),
      open: async (host) => {
        const importButton = part(host, '[part="import"]');
        await activate(importButton);
        return importButton;
      },
      selector: 'dialog[part="import-dialog"]',
      safeChoice: /^Fichier CSV/,
    },
    {
      name: 'the weight and blood pressure entry (kidney failure)',
      mount: () => mountKidneyTracker('contract-tracker-kidney'),
      open: async (host) => {
        const add = part(host, '[part="add"]');
        await activate(add);
        return add;
      },
      selector: 'dialog[part="entry-dialog"]',
      safeChoice: /^Poids/,
    },
  ]);

  rovingFocusContract([
    {
      name: 'the period buttons',
      mount: () => mountTracker('contract-tracker-periods'),
      items: (host) => [...(host.shadowRoot?.querySelectorAll<HTMLElement>('[part="periods"] button') ?? [])],
      nextKey: 'ArrowRight',
      previousKey: 'ArrowLeft',
    },
    {
      name: 'the half-hours of the Parkinson diary',
      mount: () => mountDiary({ dbName: uniqueDbName('contract-tracker-diary') }),
      items: diarySlots,
      nextKey: 'ArrowRight',
      previousKey: 'ArrowLeft',
    },
    {
      // The tab stop is the half-hour of now: the last one of the day from 23:30 (the contract starts
      // where no key leads further, whatever the hour the tests run at).
      name: 'the half-hours of the Parkinson diary, from the last one of the day',
      mount: async () => {
        const tracker = await mountDiary({ dbName: uniqueDbName('contract-tracker-diary-last') });
        const last = diarySlots(tracker).at(-1) as HTMLElement;
        last.focus();
        await waitUntil(() => last.tabIndex === 0, 'the last half-hour is the tab stop', PATIENCE);
        last.blur();
        return tracker;
      },
      items: diarySlots,
      nextKey: 'ArrowRight',
      previousKey: 'ArrowLeft',
    },
  ]);
});
