import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { deepActiveElement, accessibleName } from '../test-helpers/dialog-contract.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { allByRole } from '../test-helpers/person.js';
import { sendKeys } from '@web/test-runner-commands';
import { KeyPresses } from '../test-helpers/key-presses.js';
import { FIXED_NOW, seedPersona } from '../pill-organiser/test-helpers/organiser-fixtures.js';
import type { CarnetProvider } from './provider.js';
import './provider.js';
import '../record-summary/record-summary.js';
import '../document-browser/document-browser.js';
import '../agenda/agenda.js';
import '../pill-organiser/pill-organiser.js';
import '../forum-feed/forum-feed.js';

/** The association's page: the five widgets in one provider, in the demo site's order, after a link of the page. */
async function associationPage(): Promise<{ provider: CarnetProvider; before: HTMLElement }> {
  const dbName = uniqueDbName('skip-links');
  await seedPersona(dbName, 'parkinson');
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} pathology="parkinson">
      <section>
        <h2>Vue d'ensemble</h2>
        <carnet-record-summary></carnet-record-summary>
      </section>
      <section>
        <h2>Documents de santé</h2>
        <carnet-document-browser></carnet-document-browser>
      </section>
      <section>
        <h2>Rendez-vous</h2>
        <carnet-agenda .now=${FIXED_NOW}></carnet-agenda>
      </section>
      <section>
        <h2>Traitements</h2>
        <carnet-pill-organiser .now=${FIXED_NOW}></carnet-pill-organiser>
      </section>
      <section>
        <h2>Communauté</h2>
        <carnet-forum-feed></carnet-forum-feed>
      </section>
    </carnet-provider>`,
  );
  for (const widget of provider.querySelectorAll('carnet-document-browser, carnet-agenda, carnet-pill-organiser'))
    await waitUntil(() => widget.matches(':state(ready)'), `${widget.localName} shown`, { timeout: 15_000 });
  const before = document.createElement('a');
  before.href = '#top';
  before.textContent = 'Accueil de l’association';
  provider.before(before);
  before.focus();
  return { provider, before };
}

/**
 * Presses Tab until focus reaches `target` — Enter on the skip link named `link` on the way,
 * as a person who reads it does — at most `limit` key presses; resolves to the presses made.
 */
async function reach(target: (focused: Element | null) => boolean, link: RegExp, limit: number): Promise<number> {
  const keys = new KeyPresses();
  while (!target(deepActiveElement()) && keys.count < limit) {
    const focused = deepActiveElement();
    await keys.press(focused?.matches('.skip-link') && link.test(accessibleName(focused)) ? 'Enter' : 'Tab');
  }
  if (!target(deepActiveElement())) throw new Error(`not reached in ${limit} key presses`);
  return keys.count;
}

describe('<carnet-provider> skip links: the main tasks a few key presses from the top', () => {
  afterEach(async () => {
    document.querySelector('a[href="#top"]')?.remove();
    await deleteTestDatabases();
  });

  it('reaches the document search in at most 3 key presses (Tab, Tab, Enter)', async () => {
    await associationPage();
    const presses = await reach((focused) => focused?.id === 'search', /documents/i, 60);
    expect(presses).to.be.at.most(3);
  });

  it('reaches the dose to take now in at most 5 key presses, its day in its name', async () => {
    await associationPage();
    const presses = await reach((focused) => focused?.matches('button.dose') === true, /semainier/i, 80);
    expect(accessibleName(deepActiveElement())).to.match(/^mercredi 11 mars — /);
    expect(presses).to.be.at.most(5);
  });

  it('names each widget, stays out of sight until focused, then shows above the widgets; accessible', async () => {
    const { provider } = await associationPage();
    const nav = provider.shadowRoot?.querySelector('nav[part="skip-links"]') as HTMLElement;
    expect(nav.getAttribute('aria-label')).to.equal('Accès rapide');
    const names = (): string[] => allByRole(nav, 'button').map((link) => accessibleName(link));
    // The forum names itself once its discussions are read.
    await waitUntil(() => names().length === 5, `a link per widget (${names().join(', ')})`);
    expect(names()).to.deep.equal([
      'Aller à : Mon carnet de santé',
      'Aller à : Mes documents',
      'Aller à : Agenda',
      'Aller à : Mon semainier',
      'Aller à : Entraide entre patients',
    ]);
    expect(nav.getBoundingClientRect().height, 'out of sight').to.be.at.most(1);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.matches('.skip-link')).to.equal(true);
    expect(nav.getBoundingClientRect().height, 'shown once focused').to.be.at.least(44);
    await expect(provider).to.be.accessible();
  });

  it('offers none around a single widget, and follows the language', async () => {
    const single = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('skip-single')}
        ><carnet-record-summary></carnet-record-summary
      ></carnet-provider>`,
    );
    await single.querySelector('carnet-record-summary')?.updateComplete;
    await single.updateComplete;
    expect(single.shadowRoot?.querySelector('[part="skip-links"]')).to.equal(null);

    const { provider } = await associationPage();
    provider.setAttribute('locale', 'en');
    await waitUntil(
      () => accessibleName(provider.shadowRoot?.querySelector('.skip-link') ?? null).startsWith('Go to'),
      'English names',
    );
  });
});
