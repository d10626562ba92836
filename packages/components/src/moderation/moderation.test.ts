import { sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import { allByRole, byRole, click, queryByRole, typeInto } from '../test-helpers/person.js';
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

/** The queued post written by `pseudonym`: the article under its heading « Message de … ». */
function reportOf(element: CarnetModeration, pseudonym: string): HTMLElement {
  const heading = byRole(element, 'heading', new RegExp(`^Message de ${pseudonym}\\b`));
  const found = heading.closest<HTMLElement>('article');
  if (!found) throw new Error(`no queued post of ${pseudonym}`);
  return found;
}

/** The confirmation's button that acts (« Masquer le message », « Suspendre le pseudonyme »…), not « Annuler ». */
function confirmButton(element: CarnetModeration): HTMLElement {
  const [found] = allByRole(dialog(element), 'button').filter((button) => text(button) !== 'Annuler');
  if (!found) throw new Error('no confirm button in the dialog');
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
    expect(queryByRole(element, 'heading', 'À examiner (1)')).to.not.equal(null);
    expect(queryByRole(element, 'heading', 'Masqués (1)')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('hides a post with the keyboard after a confirmation that starts on « Annuler » and needs the reason', async () => {
    const moderation = withQueue();
    const element = await mount(moderation);
    await activate(byRole(reportOf(element, 'Colibri54'), 'button', 'Masquer le message'));
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    expect(text(deepActiveElement())).to.equal('Annuler');
    await expect(element).to.be.accessible();

    // Confirming without a reason does nothing but ask for it.
    await activate(byRole(dialog(element), 'button', 'Masquer le message'));
    await waitUntil(() => queryByRole(dialog(element), 'alert'), 'reason asked', PATIENCE);
    expect(text(byRole(dialog(element), 'alert'))).to.equal('Écrivez la raison que l’auteur lira.');
    expect(moderation.calls).to.deep.equal([]);

    await typeInto(byRole(dialog(element), 'textbox', 'Raison montrée à l’auteur'), 'Conseil médical à vérifier');
    const done = oneEvent(element, 'carnet-moderation-action') as Promise<CarnetModerationActionEvent>;
    await click(byRole(dialog(element), 'button', 'Masquer le message'));
    const event = await done;
    expect(event.detail).to.deep.equal({ action: 'hide', communityId: 'community-diabetes', target: 'post-1' });
    expect(moderation.calls).to.deep.equal(['hide post-1: Conseil médical à vérifier']);
    await waitUntil(() => queryByRole(element, 'heading', 'Masqués (2)'), 'the queue is read again', PATIENCE);
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
    expect(text(element.shadowRoot?.querySelector('details summary'))).to.equal('Journal de modération (1)');
  });

  it('restores a hidden post, which leaves the queue', async () => {
    const moderation = withQueue();
    const element = await mount(moderation);
    await click(byRole(reportOf(element, 'Lulu79'), 'button', 'Rétablir le message'));
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    expect(queryByRole(dialog(element), 'heading', 'Rétablir le message de Lulu79 ?')).to.not.equal(null);
    await activate(byRole(dialog(element), 'button', 'Rétablir le message'));
    await waitUntil(() => queryByRole(element, 'heading', 'Masqués (0)'), 'restored', PATIENCE);
    expect(moderation.calls).to.deep.equal(['restore post-2']);
    // The button that opened the dialog left with its post: focus lands on the queue's heading.
    await waitUntil(() => deepActiveElement()?.id === 'waiting-title', 'focus on the queue', PATIENCE);
  });

  it('suspends a pseudonym and lifts the suspension', async () => {
    const moderation = withQueue();
    const element = await mount(moderation);
    await click(byRole(reportOf(element, 'Colibri54'), 'button', 'Suspendre Colibri54'));
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    expect(text(dialog(element))).to.contain('ne pourra plus publier');
    await activate(confirmButton(element));
    await waitUntil(() => queryByRole(element, 'heading', 'Pseudonymes suspendus'), 'listed as suspended', PATIENCE);
    expect(text(byRole(reportOf(element, 'Colibri54'), 'heading'))).to.equal('Message de Colibri54 suspendu');

    // Lifted from the list of suspensions (the post's own button says the same).
    const suspensions = byRole(element, 'heading', 'Pseudonymes suspendus').closest('section') as HTMLElement;
    await activate(byRole(suspensions, 'button', 'Lever la suspension de Colibri54'));
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    await activate(confirmButton(element));
    await waitUntil(() => !queryByRole(element, 'heading', 'Pseudonymes suspendus'), 'lifted', PATIENCE);
    expect(moderation.calls).to.deep.equal(['suspend Colibri54', 'unsuspend Colibri54']);
    await expect(element).to.be.accessible();
  });

  it('Escape cancels without acting', async () => {
    const moderation = withQueue();
    const element = await mount(moderation);
    const hide = byRole(reportOf(element, 'Colibri54'), 'button', 'Masquer le message');
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
    await activate(byRole(reportOf(element, 'Colibri54'), 'button', 'Suspendre Colibri54'));
    await waitUntil(() => dialog(element).open, 'confirmation opens', PATIENCE);
    await activate(confirmButton(element));
    await waitUntil(() => queryByRole(dialog(element), 'alert'), 'failure said', PATIENCE);
    expect(dialog(element).open).to.equal(true);
    moderation.failActions = false;
    await click(confirmButton(element));
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
    await click(byRole(element, 'button', 'Réessayer'));
    await waitUntil(() => element.matches(':state(ready)'), 'ready after retry', PATIENCE);
  });

  it('says so when the signed-in account moderates no community', async () => {
    const moderation = new MemoryModeration();
    moderation.listCommunities = () => Promise.resolve([]);
    const element = await mount(moderation);
    expect(text(element.shadowRoot?.querySelector('[part="empty"]'))).to.contain('ne modère aucune communauté');
  });
});
