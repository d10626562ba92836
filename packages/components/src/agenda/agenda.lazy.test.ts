import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { accessibleName, activate, deepActiveElement } from '../test-helpers/dialog-contract.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { click } from '../test-helpers/person.js';
import type { CarnetAgenda } from './agenda.js';
import type { AgendaEditingModule } from './agenda-editing.load.js';
import { loadAgendaEditing, resetAgendaEditingLoader } from './agenda-editing.load.js';
import {
  agendaEvent,
  agendaInProvider,
  openedDialog,
  part,
  parts,
  seedAgenda,
  text,
} from './test-helpers/agenda-fixtures.js';

const realImport = (): Promise<AgendaEditingModule> => import('./agenda-editing.panel.js');

/** A loader of the editing part the test controls: counts its calls, holds the load back or fails it. */
function controlledLoader(): {
  calls: () => number;
  release: () => void;
  fail: (failing: boolean) => void;
} {
  let calls = 0;
  let failing = false;
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  resetAgendaEditingLoader(async () => {
    calls++;
    if (failing) throw new TypeError('Failed to fetch dynamically imported module');
    await held;
    return realImport();
  });
  return { calls: () => calls, release, fail: (value) => (failing = value) };
}

function inAgenda(agenda: CarnetAgenda, selector: string): Element | null {
  return agenda.shadowRoot?.querySelector(selector) ?? null;
}

async function focusOn(expected: RegExp | string, within: HTMLElement): Promise<void> {
  await waitUntil(
    () => {
      const active = deepActiveElement();
      const name = accessibleName(active);
      return (
        active !== null &&
        within.contains(active) &&
        (typeof expected === 'string' ? name === expected : expected.test(name))
      );
    },
    `focus on « ${String(expected)} » (it is on « ${accessibleName(deepActiveElement())} »)`,
  );
}

describe('<carnet-agenda> editor, details and import loaded on first use', () => {
  afterEach(async () => {
    resetAgendaEditingLoader();
    await deleteTestDatabases();
  });

  it('shows its first view without loading the editing code, and starts loading it when the pointer reaches « Nouvel événement »', async () => {
    const loader = controlledLoader();
    const { agenda } = await agendaInProvider(uniqueDbName('lazy-first-view'));
    expect(parts(agenda, '[role="gridcell"]').length).to.be.greaterThan(27);
    expect(loader.calls()).to.equal(0);
    expect(inAgenda(agenda, 'dialog')).to.equal(null);
    // The pointer reaches « Nouvel événement » (a real mouse move: pointerover).
    const create = part(agenda, '[part="create"]');
    create.scrollIntoView({ block: 'center' });
    const box = create.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await waitUntil(() => loader.calls() === 1, 'loading started when the pointer reached the button');
    expect(inAgenda(agenda, 'dialog')).to.equal(null);
    loader.release();
  });

  it('opens the editor after a click while its code is still loading: busy button, one dialog, focus inside, back on Escape', async () => {
    const loader = controlledLoader();
    const { agenda } = await agendaInProvider(uniqueDbName('lazy-editor'));
    const create = part<HTMLButtonElement>(agenda, '[part="create"]');
    await click(create);
    await waitUntil(() => create.getAttribute('aria-busy') === 'true', 'the button says it is busy');
    expect(create.getAttribute('aria-disabled')).to.equal('true');
    expect(inAgenda(agenda, 'dialog[part="editor"]')).to.equal(null);
    // A second click meanwhile opens nothing more.
    await click(create);
    loader.release();
    const editor = await openedDialog(agenda, 'dialog[part="editor"]');
    await focusOn(/^Titre/, editor);
    // The dialog's look arrived with its code (the shared dialog styles: a 1px border).
    expect(getComputedStyle(editor).borderTopWidth).to.equal('1px');
    expect(create.hasAttribute('aria-busy')).to.equal(false);
    expect(create.hasAttribute('aria-disabled')).to.equal(false);
    expect(parts(agenda, 'dialog[open]')).to.have.length(1);
    expect(loader.calls()).to.equal(1);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !editor.open, 'editor closed on Escape');
    await waitUntil(() => agenda.shadowRoot?.activeElement === create, 'focus back on « Nouvel événement »');
  });

  it('opens nothing later when the patient pressed Escape while the code was loading', async () => {
    const loader = controlledLoader();
    const { agenda } = await agendaInProvider(uniqueDbName('lazy-escape'));
    const create = part<HTMLButtonElement>(agenda, '[part="create"]');
    await click(create);
    await waitUntil(() => create.getAttribute('aria-busy') === 'true', 'the button says it is busy');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !create.hasAttribute('aria-busy'), 'no longer busy after Escape');
    expect(create.hasAttribute('aria-disabled')).to.equal(false);
    loader.release();
    // The code arrives: the agenda's own wait on the same load has run before this one resumes.
    await loadAgendaEditing();
    await agenda.updateComplete;
    expect(inAgenda(agenda, 'dialog[part="editor"][open]'), 'not opened after Escape').to.equal(null);
    // A new click opens it.
    await click(create);
    await openedDialog(agenda, 'dialog[part="editor"]');
  });

  it('opens the details of an occurrence chosen with Enter while the code is still loading', async () => {
    const dbName = uniqueDbName('lazy-details');
    await seedAgenda(dbName, [
      agendaEvent({ title: 'Néphrologue', start: '2026-11-24T10:00:00', end: '2026-11-24T10:30:00' }),
    ]);
    const loader = controlledLoader();
    const { agenda } = await agendaInProvider(dbName, { view: 'week' });
    const button = parts<HTMLButtonElement>(agenda, '[part="event"]').find(
      (candidate) => text(candidate.querySelector('.item-title')) === 'Néphrologue',
    );
    if (!button) throw new Error('no Néphrologue shown');
    await activate(button);
    await waitUntil(() => button.getAttribute('aria-busy') === 'true', 'the event says it is busy');
    loader.release();
    const details = await openedDialog(agenda, 'dialog[part="occurrence-dialog"]');
    await focusOn('Note sur cette occurrence', details);
    expect(text(details)).to.contain('Néphrologue');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !details.open, 'details closed on Escape');
    await waitUntil(() => agenda.shadowRoot?.activeElement === button, 'focus back on the event');
  });

  it('says so when the code cannot be loaded, and the next click tries again', async () => {
    const loader = controlledLoader();
    loader.release();
    loader.fail(true);
    const { agenda } = await agendaInProvider(uniqueDbName('lazy-failure'));
    const create = part<HTMLButtonElement>(agenda, '[part="create"]');
    await click(create);
    await waitUntil(() => inAgenda(agenda, '[part="action-error"]'), 'the failure is said');
    const alert = part(agenda, '[part="action-error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.equal("Cette action n'a pas pu être chargée. Vérifiez votre connexion, puis réessayez.");
    expect(inAgenda(agenda, 'dialog[part="editor"]')).to.equal(null);
    expect(create.hasAttribute('aria-busy')).to.equal(false);
    expect(create.hasAttribute('aria-disabled')).to.equal(false);
    const failedCalls = loader.calls();

    loader.fail(false);
    await click(create);
    const editor = await openedDialog(agenda, 'dialog[part="editor"]');
    await focusOn(/^Titre/, editor);
    expect(loader.calls()).to.be.greaterThan(failedCalls);
    expect(agenda.shadowRoot?.querySelector('[part="action-error"]')).to.equal(null);
  });

  it('says it in English on an English page', async () => {
    const loader = controlledLoader();
    loader.release();
    loader.fail(true);
    const { agenda } = await agendaInProvider(uniqueDbName('lazy-failure-en'), { locale: 'en' });
    await waitUntil(() => text(part(agenda, '[part="create"]')) === 'New event', 'English strings');
    await click(part(agenda, '[part="create"]'));
    await waitUntil(() => inAgenda(agenda, '[part="action-error"]'), 'the failure is said');
    expect(text(part(agenda, '[part="action-error"]'))).to.equal(
      'This action could not be loaded. Check your connection, then try again.',
    );
  });
});
