import { sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetModerationActionEvent } from '../events/carnet-moderation-action.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetModeration } from './moderation.js';
import { MemoryModeration, sourceWith, withQueue } from './test-helpers/memory-moderation.js';
import '../provider/provider.js';
import './moderation.js';

const text = (root: ParentNode | null | undefined): string => root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function one<T extends Element = HTMLElement>(element: CarnetModeration, selector: string): T {
  const found = element.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** The queued post written by `pseudonym`. */
function reportOf(element: CarnetModeration, pseudonym: string): HTMLElement {
  const found = [...(element.shadowRoot?.querySelectorAll<HTMLElement>('[part~="report"]') ?? [])].find((report) =>
    text(report.querySelector('h4')).startsWith(`Message de ${pseudonym}`),
  );
  if (!found) throw new Error(`no queued post of ${pseudonym}`);
  return found;
}

async function settled(element: CarnetModeration): Promise<void> {
  await waitUntil(
    () => element.matches(':state(ready), :state(empty), :state(error), :state(unavailable)'),
    'loaded',
    PATIENCE,
  );
}

async function mount(moderation: MemoryModeration): Promise<CarnetModeration> {
  const element = await fixture<CarnetModeration>(
    html`<carnet-moderation .dataSource=${sourceWith(moderation)}></carnet-moderation>`,
  );
  await settled(element);
  return element;
}

const dialog = (element: CarnetModeration): HTMLDialogElement =>
  one<HTMLDialogElement>(element, 'dialog[part="confirm-dialog"]');

describe('<carnet-moderation>', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('in local mode says plainly that moderation needs a connected platform, and is accessible', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('moderation')}
        ><carnet-moderation></carnet-moderation
      ></carnet-provider>`,
    );
    const element = provider.querySelector('carnet-moderation') as CarnetModeration;
    await settled(element);
    expect(element.matches(':state(unavailable)')).to.equal(true);
    expect(text(one(element, '[part="unavailable"]'))).to.contain('demande une plateforme connectée');
    expect(element.shadowRoot?.querySelector('[part~="report"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows each reported post with how many people reported it and why, in words, never who', async () => {
    const element = await mount(withQueue());
    expect(element.matches(':state(ready)')).to.equal(true);
    const waiting = reportOf(element, 'Colibri54');
    expect(text(waiting)).to.contain('Arrêtez l’insuline');
    expect(text(waiting)).to.contain('Discussion « Adapter ses doses »');
    expect(text(waiting.querySelector('[part="report-count"]'))).to.equal('Signalé par 2 personnes');
    expect(text(waiting.querySelector('[part="reasons"]'))).to.contain('Information médicale fausse ou dangereuse');
    expect(text(waiting.querySelector('[part="reasons"]'))).to.contain('Autre raison');
    expect(text(waiting)).to.contain('« conseil risqué »');
    const hidden = reportOf(element, 'Lulu79');
    expect(text(hidden.querySelector('[part="hidden-state"]'))).to.contain('« Publicité »');
    expect(text(one(element, '#waiting-title'))).to.equal('À examiner (1)');
    expect(text(one(element, '#hidden-title'))).to.equal('Masqués (1)');
    await expect(element).to.be.accessible();
  });

  it('hides a post with the keyboard after a confirmation that starts on « Annuler » and needs the reason', async () => {
    const moderation = withQueue();
    const element = await mount(moderation);
    const hide = reportOf(element, 'Colibri54').querySelector<HTMLButtonElement>('[part="hide"]') as HTMLButtonElement;
    await activate(hide);
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    expect(text(deepActiveElement())).to.equal('Annuler');
    await expect(element).to.be.accessible();

    // Confirming without a reason does nothing but ask for it.
    await activate(one(element, 'dialog [data-action="confirm"]'));
    await waitUntil(() => element.shadowRoot?.querySelector('#confirm-reason-error'), 'reason asked', PATIENCE);
    expect(moderation.calls).to.deep.equal([]);

    one(element, '#confirm-reason').focus();
    await sendKeys({ type: 'Conseil médical à vérifier' });
    const done = oneEvent(element, 'carnet-moderation-action') as Promise<CarnetModerationActionEvent>;
    await activate(one(element, 'dialog [data-action="confirm"]'));
    const event = await done;
    expect(event.detail).to.deep.equal({ action: 'hide', communityId: 'community-diabetes', target: 'post-1' });
    expect(moderation.calls).to.deep.equal(['hide post-1: Conseil médical à vérifier']);
    await waitUntil(() => text(one(element, '#hidden-title')) === 'Masqués (2)', 'the queue is read again', PATIENCE);
    expect(dialog(element).open).to.equal(false);
    expect(text(reportOf(element, 'Colibri54').querySelector('[part="hidden-state"]'))).to.contain(
      '« Conseil médical à vérifier »',
    );
    await waitUntil(
      () =>
        text(element.shadowRoot?.querySelector('[role="status"][aria-live="polite"]')) ===
        'Message de Colibri54 masqué.',
      'announced politely',
      PATIENCE,
    );
    expect(text(one(element, '[part="trail"] summary'))).to.equal('Journal de modération (1)');
  });

  it('restores a hidden post, which leaves the queue', async () => {
    const moderation = withQueue();
    const element = await mount(moderation);
    await activate(reportOf(element, 'Lulu79').querySelector('[part="restore"]') as HTMLElement);
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    expect(text(one(element, '#confirm-title'))).to.equal('Rétablir le message de Lulu79 ?');
    await activate(one(element, 'dialog [data-action="confirm"]'));
    await waitUntil(() => text(one(element, '#hidden-title')) === 'Masqués (0)', 'restored', PATIENCE);
    expect(moderation.calls).to.deep.equal(['restore post-2']);
    // The button that opened the dialog left with its post: focus lands on the queue's heading.
    await waitUntil(() => deepActiveElement()?.id === 'waiting-title', 'focus on the queue', PATIENCE);
  });

  it('suspends a pseudonym and lifts the suspension', async () => {
    const moderation = withQueue();
    const element = await mount(moderation);
    await activate(reportOf(element, 'Colibri54').querySelector('[part="suspend"]') as HTMLElement);
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    expect(text(one(element, '#confirm-description'))).to.contain('ne pourra plus publier');
    await activate(one(element, 'dialog [data-action="confirm"]'));
    await waitUntil(() => element.shadowRoot?.querySelector('[part="suspensions"]'), 'listed as suspended', PATIENCE);
    expect(text(reportOf(element, 'Colibri54').querySelector('[part="suspended-badge"]'))).to.equal('suspendu');

    await activate(one(element, '[part="suspensions"] [part="unsuspend"]'));
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    await activate(one(element, 'dialog [data-action="confirm"]'));
    await waitUntil(() => !element.shadowRoot?.querySelector('[part="suspensions"]'), 'lifted', PATIENCE);
    expect(moderation.calls).to.deep.equal(['suspend Colibri54', 'unsuspend Colibri54']);
    await expect(element).to.be.accessible();
  });

  it('Escape cancels without acting', async () => {
    const moderation = withQueue();
    const element = await mount(moderation);
    const hide = reportOf(element, 'Colibri54').querySelector<HTMLButtonElement>('[part="hide"]') as HTMLButtonElement;
    await activate(hide);
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(element).open, 'closed', PATIENCE);
    expect(moderation.calls).to.deep.equal([]);
    await waitUntil(() => deepActiveElement() === hide, 'focus back on « Masquer le message »', PATIENCE);
  });

  it('says when an action failed, keeps the dialog open, and acts once the platform answers', async () => {
    const moderation = withQueue();
    moderation.failActions = true;
    const element = await mount(moderation);
    await activate(reportOf(element, 'Colibri54').querySelector('[part="suspend"]') as HTMLElement);
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    await activate(one(element, 'dialog [data-action="confirm"]'));
    await waitUntil(() => element.shadowRoot?.querySelector('dialog [role="alert"]'), 'failure said', PATIENCE);
    expect(dialog(element).open).to.equal(true);
    moderation.failActions = false;
    await activate(one(element, 'dialog [data-action="confirm"]'));
    await waitUntil(() => !dialog(element).open, 'done', PATIENCE);
    expect(moderation.calls).to.deep.equal(['suspend Colibri54']);
  });

  it('shows the empty queue calmly, and an error with Retry when the queue cannot be read', async () => {
    const empty = await mount(new MemoryModeration());
    expect(empty.matches(':state(empty)')).to.equal(true);
    expect(text(empty.shadowRoot?.querySelector('.section-empty'))).to.contain('Aucun message signalé');
    await expect(empty).to.be.accessible();

    const moderation = withQueue();
    moderation.failList = true;
    const element = await mount(moderation);
    expect(element.matches(':state(error)')).to.equal(true);
    await expect(element).to.be.accessible();
    moderation.failList = false;
    one<HTMLButtonElement>(element, '[part="retry"]').click();
    await waitUntil(() => element.matches(':state(ready)'), 'ready after retry', PATIENCE);
  });

  it('says so when the signed-in account moderates no community', async () => {
    const moderation = new MemoryModeration();
    moderation.listCommunities = () => Promise.resolve([]);
    const element = await mount(moderation);
    expect(text(element.shadowRoot?.querySelector('[part="empty"]'))).to.contain('ne modère aucune communauté');
  });
});
