import { createLocalDataSource } from '@carnet/catalog-sdk';
import { sendKeys } from '@web/test-runner-commands';
import { setCarnetLocale } from '../shared/localization.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetEmergencyCard } from './emergency-card.js';
import '../provider/provider.js';
import './emergency-card.js';

function text(node: Node | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function one<T extends Element = HTMLElement>(card: CarnetEmergencyCard, selector: string): T {
  const found = card.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in the card`);
  return found;
}

/** A record whose profile was filled in an order the card must not follow: the mild allergy first. */
async function seedProfile(dbName: string): Promise<void> {
  const source = createLocalDataSource({ dbName });
  try {
    const profile = source.medicalProfile;
    if (!profile) throw new Error('the local source keeps a medical profile');
    await profile.add('condition', { name: 'Insuffisance rénale chronique', since: '2019-04-01' });
    await profile.add('allergy', { substance: 'Pollen', type: 'allergy', category: 'environment', severity: 'low' });
    await profile.add('allergy', {
      substance: 'Pénicilline',
      type: 'allergy',
      category: 'medication',
      severity: 'high',
      reaction: 'Œdème de Quincke',
    });
    await profile.add('contact', { name: 'Claire Martin', relationship: 'Fille', phone: '06 12 34 56 78' });
    await profile.add('bloodGroup', { group: 'O-' });
  } finally {
    source.close();
  }
}

async function mountCard(dbName: string, locale: 'fr' | 'en' = 'fr'): Promise<CarnetEmergencyCard> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${locale}>
      <carnet-emergency-card patient-name="Mme Lucie Martin"></carnet-emergency-card>
    </carnet-provider>`,
  );
  const card = provider.querySelector('carnet-emergency-card') as CarnetEmergencyCard;
  await waitUntil(() => card.matches(':state(ready), :state(empty)'), 'card shown', { timeout: 10_000 });
  return card;
}

describe('<carnet-emergency-card>', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setCarnetLocale('fr');
  });

  it('shows the serious allergy first, then the person to call, the blood group and the conditions', async () => {
    const dbName = uniqueDbName('card');
    await seedProfile(dbName);
    const card = await mountCard(dbName);
    expect(text(one(card, '.patient'))).to.equal('Mme Lucie Martin');
    const blocks = [...one(card, '[part="base"]').querySelectorAll('section')].map((block) =>
      block.getAttribute('part'),
    );
    expect(blocks).to.deep.equal(['allergies', 'contacts', 'blood-group', 'conditions']);
    const allergies = [...one(card, '[part="allergies"]').querySelectorAll('li')].map((item) => text(item));
    expect(allergies[0]).to.match(/^Pénicilline — .*Grave.*Réaction : Œdème de Quincke$/);
    expect(allergies[1]).to.match(/^Pollen — /);
    expect(one<HTMLAnchorElement>(card, '[part="contacts"] a').getAttribute('href')).to.equal('tel:0612345678');
    expect(text(one(card, '[part="blood-group"]'))).to.contain('O-');
    expect(text(one(card, '[part="conditions"]'))).to.contain('Insuffisance rénale chronique');
    await expect(card).to.be.accessible();
  });

  it('prints from its button, by keyboard', async () => {
    const dbName = uniqueDbName('card-print');
    await seedProfile(dbName);
    const card = await mountCard(dbName);
    // The browser's print dialog would block the test page: count the calls instead.
    const realPrint = window.print;
    let printed = 0;
    window.print = () => {
      printed += 1;
    };
    try {
      one(card, '[part="print"]').focus();
      await sendKeys({ press: 'Enter' });
      expect(printed).to.equal(1);
    } finally {
      window.print = realPrint;
    }
  });

  it('shows a change made elsewhere once refreshed, and speaks English', async () => {
    const dbName = uniqueDbName('card-en');
    const card = await mountCard(dbName, 'en');
    expect(card.matches(':state(empty)')).to.equal(true);
    // The English strings load on demand.
    await waitUntil(() => text(card.shadowRoot?.querySelector('#card-title')) === 'Emergency card', 'English');
    expect(text(one(card, '[part="allergies"]'))).to.contain('No allergy recorded by the patient.');
    const source = createLocalDataSource({ dbName });
    await source.medicalProfile?.add('allergy', {
      substance: 'Latex',
      type: 'allergy',
      category: 'environment',
      severity: 'high',
    });
    source.close();
    await card.refresh();
    await waitUntil(() => text(card.shadowRoot?.querySelector('[part="allergies"]')).includes('Latex'), 'refreshed');
    expect(card.matches(':state(ready)')).to.equal(true);
    expect(text(one(card, '[part="print"]'))).to.equal('Print');
  });
});
