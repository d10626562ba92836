/**
 * The organiser's dialogs load their code on demand (`organiser-dialogs.controller.ts`): a press
 * before it has arrived still opens the dialog, the control is busy meanwhile, and a code that
 * cannot load says so next to the control and loads on the next press. The import is held back
 * or failed through the test hook, as a slow or broken network would.
 */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, deepActiveElement } from '../test-helpers/dialog-contract.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { heldBackImport } from '../test-helpers/held-back-import.js';
import { byRole, click, queryByRole } from '../test-helpers/person.js';
import { importDialogsForTests } from './organiser-dialogs.controller.js';
import type * as DialogsPanel from './organiser-dialogs.panel.js';
import {
  doseButton,
  mountOrganiser,
  one,
  parisMarch,
  seedPersona,
  storedMedication,
  text,
} from './test-helpers/organiser-fixtures.js';

const LEVODOPA = 'plan-parkinson-levodopa-carbidopa';
const RASAGILINE = 'plan-parkinson-rasagiline';
const LOAD_FAILED = /Cette fenêtre n'a pas pu s'ouvrir/;

type DialogsModule = typeof DialogsPanel;

/** The dialogs' code held back until `release()` (or failed by `fail()`). */
function heldBackDialogs() {
  const held = heldBackImport((): Promise<DialogsModule> => import('./organiser-dialogs.panel.js'));
  importDialogsForTests(held.load);
  return held;
}

async function parkinsonOrganiser(label: string) {
  const dbName = uniqueDbName(label);
  await seedPersona(dbName, 'parkinson');
  const { organiser } = await mountOrganiser(dbName, { pathology: 'parkinson' });
  return { dbName, organiser };
}

describe('<carnet-pill-organiser> dialogs whose code loads on demand', () => {
  afterEach(async () => {
    importDialogsForTests();
    await deleteTestDatabases();
  });

  it('opens the treatment editor after a press made before its code arrived, the button busy meanwhile', async () => {
    const held = heldBackDialogs();
    const { organiser } = await parkinsonOrganiser('deferred-editor');
    const add = one<HTMLButtonElement>(organiser, '[part="add-plan"]');
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]');
    expect(held.imports, 'nothing downloaded before anyone touches the organiser').to.equal(0);

    await click(add);
    await waitUntil(() => add.getAttribute('aria-busy') === 'true', 'the button says it is busy');
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    expect(dialog.open, 'not open before its code arrived').to.equal(false);
    // A second press while it loads opens nothing more and downloads nothing more.
    await click(add);
    expect(held.imports, 'one download').to.equal(1);

    held.release();
    await waitUntil(() => dialog.open, 'the editor opens once its code arrived');
    await waitUntil(() => deepActiveElement()?.id === 'plan-medication', 'focus on the medicine name, inside');
    expect(add.hasAttribute('aria-busy'), 'no longer busy').to.equal(false);
    expect(add.hasAttribute('aria-disabled')).to.equal(false);
    expect(organiser.shadowRoot?.querySelectorAll('dialog[open]').length, 'one dialog').to.equal(1);
    // Its styles came with its code: the form's rows and actions are laid out, not stacked as plain blocks.
    expect(getComputedStyle(one(organiser, 'dialog[part="plan-editor"] .form-row')).display).to.equal('grid');
    expect(getComputedStyle(one(organiser, 'dialog[part="plan-editor"] .dialog-actions')).display).to.equal('flex');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed on Escape');
    await waitUntil(() => deepActiveElement() === add, 'focus back on « Ajouter un traitement »');
  });

  it('opens nothing later when the patient pressed Escape while the code was loading', async () => {
    const held = heldBackDialogs();
    const { organiser } = await parkinsonOrganiser('deferred-escape');
    const add = one<HTMLButtonElement>(organiser, '[part="add-plan"]');
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="plan-editor"]');
    await click(add);
    await waitUntil(() => add.getAttribute('aria-busy') === 'true', 'the button says it is busy');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !add.hasAttribute('aria-busy'), 'no longer busy after Escape');
    held.release();
    // The code arrives; `waitUntil` checks again in a later task, so every callback waiting for
    // the same load has run by then: the dialog the patient gave up on does not pop up.
    await waitUntil(() => held.arrived, 'the code arrived');
    await organiser.updateComplete;
    expect(dialog.open, 'not opened after Escape').to.equal(false);
    expect(add.hasAttribute('aria-disabled')).to.equal(false);
    // A new press opens it at once.
    await click(add);
    await waitUntil(() => dialog.open, 'the editor opens on the next press');
  });

  it('starts downloading when the patient points at or focuses a control that opens a dialog', async () => {
    const held = heldBackDialogs();
    const { organiser } = await parkinsonOrganiser('deferred-intent');
    // Focus on a dose (the skip link, Tab): the download starts before any press.
    doseButton(organiser, LEVODOPA, parisMarch('2026-03-11', '11:00')).focus();
    await waitUntil(() => held.imports === 1, 'download started on focus');
    held.release();
    // Loaded by then: the dialog opens at once on Enter, focus on « Prise maintenant ».
    await sendKeys({ press: 'Enter' });
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="intake-dialog"]');
    await waitUntil(() => dialog.open, 'the dialog of the dose opens');
    await waitUntil(
      () => /Prise maintenant/.test(deepActiveElement()?.textContent ?? ''),
      'focus on « Prise maintenant »',
    );
  });

  it('starts downloading when the mouse points at « Ajouter un traitement »', async () => {
    const held = heldBackDialogs();
    const { organiser } = await parkinsonOrganiser('deferred-hover');
    const add = one<HTMLButtonElement>(organiser, '[part="add-plan"]');
    add.scrollIntoView({ block: 'center' });
    const box = add.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await waitUntil(() => held.imports === 1, 'download started on pointing');
    held.release();
  });

  it('says so next to a dose when the dialog cannot load, records nothing, and opens it on the next press', async () => {
    const held = heldBackDialogs();
    const { dbName, organiser } = await parkinsonOrganiser('deferred-dose-failure');
    const before = (await storedMedication(dbName)).intakes.length;
    const dose = doseButton(organiser, LEVODOPA, parisMarch('2026-03-11', '11:00'));
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="intake-dialog"]');

    await activate(dose);
    await waitUntil(() => dose.getAttribute('aria-busy') === 'true', 'the dose says it is busy');
    held.fail();
    await waitUntil(() => queryByRole(organiser, 'alert', LOAD_FAILED), 'the error is shown');
    expect(text(byRole(organiser, 'alert', LOAD_FAILED))).to.contain("Rien n'a été modifié");
    expect(dialog.open).to.equal(false);
    expect(dose.getAttribute('aria-busy'), 'no longer busy').to.equal('false');
    expect(deepActiveElement(), 'focus stays on the dose').to.equal(dose);
    expect((await storedMedication(dbName)).intakes.length, 'nothing recorded').to.equal(before);
    await expect(organiser).to.be.accessible();

    // The network is back: the next press downloads the code again and opens the dialog.
    importDialogsForTests();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog of the dose opens on the next press');
    await waitUntil(
      () => /Prise maintenant/.test(deepActiveElement()?.textContent ?? ''),
      'focus on « Prise maintenant »',
    );
    expect(queryByRole(organiser, 'alert', LOAD_FAILED), 'the error is gone').to.equal(null);
  });

  it('says so under a treatment when « Arrêter » cannot open, and opens it on the next press', async () => {
    const held = heldBackDialogs();
    const { organiser } = await parkinsonOrganiser('deferred-stop-failure');
    const row = one(organiser, `li[part="medication"][data-plan-id="${RASAGILINE}"]`);
    const stop = one<HTMLButtonElement>(organiser, `li[data-plan-id="${RASAGILINE}"] button[part="stop-plan"]`);
    const dialog = one<HTMLDialogElement>(organiser, 'dialog[part="stop-dialog"]');

    await activate(stop);
    await waitUntil(() => stop.getAttribute('aria-busy') === 'true', '« Arrêter » says it is busy');
    held.fail();
    await waitUntil(() => queryByRole(row, 'alert', LOAD_FAILED), 'the error is shown under the treatment');
    expect(stop.hasAttribute('aria-busy')).to.equal(false);
    expect(dialog.open).to.equal(false);

    importDialogsForTests();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the stop dialog opens on the next press');
    await waitUntil(
      () => deepActiveElement()?.textContent?.trim() === 'Garder le traitement',
      'focus on the safe choice',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActiveElement() === stop, 'focus back on « Arrêter »');
  });
});
