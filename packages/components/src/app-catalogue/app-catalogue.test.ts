import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetAppCatalogue } from './app-catalogue.js';
import { appCatalogueSource } from './test-helpers/sample-apps.js';
import '../provider/provider.js';
import './app-catalogue.js';

const text = (root: ParentNode | null | undefined): string => root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const $ = <T extends Element>(element: CarnetAppCatalogue, selector: string): T =>
  element.shadowRoot?.querySelector(selector) as T;
const $$ = (element: CarnetAppCatalogue, selector: string): Element[] => [
  ...(element.shadowRoot?.querySelectorAll(selector) ?? []),
];

async function settled(element: CarnetAppCatalogue): Promise<void> {
  await waitUntil(() => element.matches(':state(ready), :state(empty), :state(error)'), 'loaded', PATIENCE);
  await element.updateComplete;
}

async function mount(source = appCatalogueSource(), locale = 'fr'): Promise<CarnetAppCatalogue> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider locale=${locale} .dataSource=${source}
      ><carnet-app-catalogue></carnet-app-catalogue
    ></carnet-provider>`,
  );
  const element = provider.querySelector('carnet-app-catalogue') as CarnetAppCatalogue;
  await settled(element);
  return element;
}

/** Presses Tab until `predicate` holds for the focused element (at most 40 times). */
async function tabTo(predicate: (focused: Element | null) => boolean, what: string): Promise<void> {
  for (let step = 0; step < 40 && !predicate(deepActiveElement()); step += 1) await sendKeys({ press: 'Tab' });
  expect(predicate(deepActiveElement()), what).to.equal(true);
}

describe('<carnet-app-catalogue>', () => {
  afterEach(deleteTestDatabases);

  it('lists the apps with what they ask in plain words, who allowed them, Ouvrir and Retirer; accessible', async () => {
    const element = await mount();
    const apps = $$(element, '[part="app"]');
    expect(apps.map((app) => text(app.querySelector('h3')))).to.deep.equal([
      'Lecteur de documents',
      'Carnet de glycémie',
    ]);
    const [reader, notebook] = apps;
    expect(text(reader)).to.contain('Par Interop Démo').and.contain('Affiche la liste de vos documents de santé.');
    expect(text(reader?.querySelector('[part="consent"]'))).to.equal('Vous l’avez autorisée le 3 mars 2026.');
    expect(text(reader?.querySelector('[part="access"]')))
      .to.contain('Lire et rechercher vos documents de santé')
      .and.contain('Lecture seule')
      .and.contain('Pourquoi : Lister vos documents pour les afficher.');
    expect(text(notebook?.querySelector('[part="consent"]'))).to.equal('Vous ne l’avez pas autorisée.');
    // No platform words for this scope: the scope itself, and the write badge all the same.
    expect(text(notebook?.querySelector('[part="access"]')))
      .to.contain('Peut ajouter ou modifier')
      .and.contain('Enregistrer vos glycémies');
    const open = reader?.querySelector<HTMLAnchorElement>('[part="open"]');
    expect(open?.href).to.equal('https://apps.example/documents/launch.html');
    expect(open?.rel).to.equal('noopener noreferrer');
    expect(text(open)).to.equal('Ouvrir Lecteur de documents (nouvel onglet)');
    expect(notebook?.querySelector('[part="open"]'), 'no launch URL, no link').to.equal(null);
    expect(reader?.querySelector('[part="revoke"]')?.getAttribute('aria-label')).to.equal(
      'Retirer l’accès de Lecteur de documents',
    );
    expect(notebook?.querySelector('[part="revoke"]'), 'nothing to withdraw').to.equal(null);
    expect(element.matches(':state(ready)')).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('withdraws an access by keyboard after a confirmation whose safe choice is focused first', async () => {
    const source = appCatalogueSource();
    const element = await mount(source);
    await tabTo((focused) => focused?.getAttribute('part') === 'revoke', 'Retirer l’accès focused');
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(element, 'dialog[part="revoke-dialog"]');
    await waitUntil(() => dialog.open, 'confirmation open', PATIENCE);
    expect(text(dialog.querySelector('h2'))).to.equal('Retirer l’accès de Lecteur de documents ?');
    await waitUntil(() => text(deepActiveElement()) === 'Garder l’accès', 'safe choice focused', PATIENCE);
    await expect(element).to.be.accessible();

    // The safe choice keeps the access, and focus comes back to the button.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open, 'closed', PATIENCE);
    expect(source.revoked).to.deep.equal([]);
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'revoke', 'focus back on Retirer', PATIENCE);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'confirmation open again', PATIENCE);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.equal('confirm-revoke');
    const changed = oneEvent(element, 'carnet-app-access-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail).to.deep.equal({ action: 'revoke', clientId: 'fhirclient-app' });
    expect(source.revoked).to.deep.equal(['fhirclient-app']);
    await waitUntil(() => !dialog.open && !$(element, '[part="revoke"]'), 'access withdrawn', PATIENCE);
    expect(text($(element, '[part="consent"]'))).to.equal('Vous ne l’avez pas autorisée.');
    await waitUntil(
      () => deepActiveElement()?.getAttribute('data-app-heading') === 'fhirclient-app',
      'focus on the app’s name',
      PATIENCE,
    );
    await waitUntil(
      () => text(element.shadowRoot?.querySelector('[role="status"]')).includes('Accès retiré'),
      'announced',
      PATIENCE,
    );
  });

  it('keeps the dialog open with a plain reason when the withdrawal fails', async () => {
    const element = await mount(appCatalogueSource({ failRevoke: true }));
    $<HTMLButtonElement>(element, '[part="revoke"]').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(element, 'dialog[part="revoke-dialog"]');
    await waitUntil(() => dialog.open, 'confirmation open', PATIENCE);
    $<HTMLButtonElement>(element, '[part="confirm-revoke"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.querySelector('[role="alert"]'), 'failure shown', PATIENCE);
    expect(text(dialog.querySelector('[role="alert"]'))).to.equal(
      'L’accès n’a pas pu être retiré. Vérifiez votre connexion et réessayez.',
    );
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'closed by Escape', PATIENCE);
  });

  it('speaks English with the platform’s English words and the publisher’s English text', async () => {
    const element = await mount(appCatalogueSource(), 'en');
    await waitUntil(() => text(element.shadowRoot).includes('Listed apps'), 'English', PATIENCE);
    const reader = $(element, '[part="app"]');
    expect(text(reader)).to.contain('By Interop Démo').and.contain('Shows the list of your health documents.');
    expect(text(reader.querySelector('[part="consent"]'))).to.equal('You allowed it on March 3, 2026.');
    expect(text(reader.querySelector('[part="access"]')))
      .to.contain('Read and search your health documents')
      .and.contain('Read only')
      .and.contain('Why: To list your documents and show them.');
    expect(text(reader.querySelector('[part="open"]'))).to.equal('Open Lecteur de documents (new tab)');
  });

  it('says plainly that an on-device record has no catalogue', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('app-catalogue-local')}
        ><carnet-app-catalogue></carnet-app-catalogue
      ></carnet-provider>`,
    );
    const element = provider.querySelector('carnet-app-catalogue') as CarnetAppCatalogue;
    await settled(element);
    expect(element.matches(':state(empty)')).to.equal(true);
    expect(text($(element, '[part="empty"]'))).to.contain('Pas de catalogue d’applications sur cet appareil');
    expect($(element, '[role="alert"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows a plain error with Retry when the catalogue cannot be read', async () => {
    const element = await mount(appCatalogueSource({ failReads: true }));
    expect(element.matches(':state(error)')).to.equal(true);
    expect(text($(element, '[role="alert"]'))).not.to.contain('offline');
    await expect(element).to.be.accessible();
  });
});
