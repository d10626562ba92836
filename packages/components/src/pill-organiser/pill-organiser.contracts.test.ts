import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, dialogContract, openedBy } from '../test-helpers/dialog-contract.js';
import { rovingFocusContract } from '../test-helpers/roving-focus-contract.js';
import type { CarnetPillOrganiser } from './pill-organiser.js';
import {
  doseButton,
  mountOrganiser,
  one,
  parisMarch,
  seedPersona,
  tableDoses,
} from './test-helpers/organiser-fixtures.js';

const LEVODOPA = 'plan-parkinson-levodopa-carbidopa';
const RASAGILINE = 'plan-parkinson-rasagiline';

async function organiserWithHistory(label: string): Promise<HTMLElement> {
  const dbName = uniqueDbName(label);
  await seedPersona(dbName, 'parkinson');
  const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
  return organiser;
}

/** Opens the dialog of a dose with the keyboard; returns its button. */
async function openDoseDialog(host: HTMLElement, pick: (organiser: CarnetPillOrganiser) => HTMLButtonElement) {
  const button = pick(host as CarnetPillOrganiser);
  await activate(button);
  return button;
}

function recordedDose(organiser: CarnetPillOrganiser): HTMLButtonElement {
  const button = tableDoses(organiser).find((dose) =>
    ['taken', 'taken-late', 'skipped'].includes(dose.dataset['state'] ?? ''),
  );
  if (!button) throw new Error('no recorded dose in the seeded week');
  return button;
}

describe('<carnet-pill-organiser> shared contracts', () => {
  dialogContract([
    {
      name: 'the dialog of a dose to take',
      mount: () => organiserWithHistory('contract-to-take'),
      open: (host) =>
        openDoseDialog(host, (organiser) => doseButton(organiser, LEVODOPA, parisMarch('2026-03-11', '11:00'))),
      selector: 'dialog[part="intake-dialog"]',
      safeChoice: /Prise maintenant/,
      // Switching to « Sauter cette prise… » replaced the focused button: focus used to drop to the page.
      changeContent: async (host) => {
        await activate(one(host as CarnetPillOrganiser, 'button[part="skip"]'));
      },
      focusAfterChange: 'Raison',
      cleanup: deleteTestDatabases,
    },
    {
      name: 'the treatment editor (focus on the medicine name)',
      mount: () => organiserWithHistory('contract-plan-editor'),
      open: async (host) => {
        const button = one(host as CarnetPillOrganiser, 'button[part="add-plan"]');
        await activate(button);
        return button;
      },
      selector: 'dialog[part="plan-editor"]',
      safeChoice: 'Médicament',
      cleanup: deleteTestDatabases,
    },
    {
      name: 'the treatment editor on an existing treatment (« Modifier »)',
      mount: () => organiserWithHistory('contract-plan-edit'),
      open: openedBy(`li[data-plan-id="${RASAGILINE}"] button[part="edit-plan"]`),
      selector: 'dialog[part="plan-editor"]',
      safeChoice: 'Médicament',
      cleanup: deleteTestDatabases,
    },
    {
      name: 'stopping a treatment (« Garder le traitement » first, never « Arrêter »)',
      mount: () => organiserWithHistory('contract-stop'),
      open: async (host) => {
        const button = one(
          host as CarnetPillOrganiser,
          'li[data-plan-id="plan-parkinson-rasagiline"] button[part="stop-plan"]',
        );
        await activate(button);
        return button;
      },
      selector: 'dialog[part="stop-dialog"]',
      safeChoice: 'Garder le traitement',
      cleanup: deleteTestDatabases,
    },
    {
      name: 'a new box (focus on its units)',
      mount: () => organiserWithHistory('contract-box'),
      open: async (host) => {
        const button = one(
          host as CarnetPillOrganiser,
          'li[data-plan-id="plan-parkinson-rasagiline"] button[part="add-box"]',
        );
        await activate(button);
        return button;
      },
      selector: 'dialog[part="box-dialog"]',
      safeChoice: /Unités dans la boîte/,
      cleanup: deleteTestDatabases,
    },
    {
      name: 'the dialog of a recorded dose (undo is never the first focus)',
      mount: () => organiserWithHistory('contract-recorded'),
      open: (host) => openDoseDialog(host, recordedDose),
      selector: 'dialog[part="intake-dialog"]',
      safeChoice: 'Fermer',
      cleanup: deleteTestDatabases,
    },
  ]);

  rovingFocusContract([
    {
      name: 'the week grid',
      mount: () => organiserWithHistory('contract-week-grid'),
      items: (host) => tableDoses(host as CarnetPillOrganiser),
      nextKey: 'ArrowRight',
      previousKey: 'ArrowLeft',
      cleanup: deleteTestDatabases,
    },
  ]);
});
