import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '../test-helpers/fixture.js';
import { byRole, click, queryByRole, typeInto as typeWords } from '../test-helpers/person.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetEmergencyCard } from '../emergency-card/emergency-card.js';
import type { CarnetMedicalProfile } from './medical-profile.js';
import type { CarnetProfileChangeDetail } from '../events/carnet-profile-change.js';
import '../provider/provider.js';
import '../emergency-card/emergency-card.js';
import './medical-profile.js';

function text(node: ParentNode | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function one<T extends HTMLElement = HTMLElement>(host: HTMLElement, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${host.localName}>`);
  return found;
}

async function mount(
  dbName: string,
  locale: 'fr' | 'en' = 'fr',
): Promise<{ profile: CarnetMedicalProfile; card: CarnetEmergencyCard }> {
  const provider = await fixture<CarnetProvider>(
    html`<carnet-provider db-name=${dbName} locale=${locale}>
      <carnet-medical-profile></carnet-medical-profile>
      <carnet-emergency-card patient-name="Mme Lucie Martin"></carnet-emergency-card>
    </carnet-provider>`,
  );
  const profile = provider.querySelector('carnet-medical-profile') as CarnetMedicalProfile;
  const card = provider.querySelector('carnet-emergency-card') as CarnetEmergencyCard;
  await waitUntil(() => profile.shadowRoot?.querySelector('[part~="section-allergy"]'), 'profile shown', {
    timeout: 10_000,
  });
  await waitUntil(() => card.shadowRoot?.querySelector('[part="allergies"]'), 'card shown', { timeout: 10_000 });
  return { profile, card };
}

/** The open form. */
function openDialog(profile: CarnetMedicalProfile): HTMLDialogElement {
  return byRole<HTMLDialogElement>(profile, 'dialog', /^Ajouter|^Add|^Indiquer|^Record/);
}

/** Opens the form of a part with its Add button (named by its words), as a keyboard user would. */
async function openForm(profile: CarnetMedicalProfile, addButton: string | RegExp): Promise<HTMLDialogElement> {
  byRole(profile, 'button', addButton).focus();
  await sendKeys({ press: 'Enter' });
  const dialog = one<HTMLDialogElement>(profile, 'dialog[part="add-dialog"]');
  await waitUntil(() => dialog.open, 'form open');
  return dialog;
}

/** Types into the field of the open form labelled `label`, with the keyboard. */
async function typeInto(profile: CarnetMedicalProfile, label: string | RegExp, value: string): Promise<void> {
  await typeWords(byRole(openDialog(profile), 'textbox', label), value);
}

/** Presses « Enregistrer » with the mouse. */
async function saveForm(profile: CarnetMedicalProfile): Promise<void> {
  await click(byRole(openDialog(profile), 'button', /^(Enregistrer|Save)$/));
  await profile.updateComplete;
}

describe('<carnet-medical-profile> and <carnet-emergency-card>', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await deleteTestDatabases();
  });

  it('from an empty local record: an allergy and a person to call added through the widget are kept, and the card shows them first on one printed page', async () => {
    const dbName = uniqueDbName('profile-done');
    const { profile, card } = await mount(dbName);
    expect(text(one(profile, '[part~="section-allergy"]'))).to.contain('Aucune allergie connue enregistrée.');
    expect(profile.matches(':state(empty)')).to.equal(true);
    expect(text(one(card, '[part="allergies"]'))).to.contain('Aucune allergie enregistrée par le patient.');
    expect(card.matches(':state(empty)')).to.equal(true);
    await expect(profile).to.be.accessible();
    const changes: CarnetProfileChangeDetail[] = [];
    profile.addEventListener('carnet-profile-change', (event) => changes.push(event.detail));

    const allergyForm = await openForm(profile, 'Ajouter une allergie ou une intolérance');
    expect(profile.shadowRoot?.activeElement).to.equal(
      byRole(allergyForm, 'textbox', 'Substance (médicament, aliment…)'),
    );
    await sendKeys({ type: 'Pénicilline' });
    await click(byRole(allergyForm, 'radio', 'Grave'));
    await typeInto(profile, 'Réaction (facultatif)', 'Œdème de Quincke');
    await expect(profile).to.be.accessible();
    await saveForm(profile);
    await waitUntil(() => !allergyForm.open, 'allergy saved');
    await waitUntil(() => text(one(profile, '[part~="section-allergy"]')).includes('Pénicilline'), 'allergy listed');
    // The emergency card beside it, under the same provider, shows it at once (no reload, no refresh()).
    await waitUntil(() => text(one(card, '[part="allergies"]')).includes('Pénicilline'), 'the card shows it at once');

    await openForm(profile, 'Ajouter une personne à prévenir');
    await sendKeys({ type: 'Claire Martin' });
    await typeInto(profile, /^Lien/, 'Fille');
    await typeInto(profile, 'Téléphone', 'demain');
    await saveForm(profile);
    const phone = byRole<HTMLInputElement>(openDialog(profile), 'textbox', 'Téléphone');
    await waitUntil(() => phone.getAttribute('aria-invalid') === 'true', 'phone refused');
    expect(text(one(profile, '#phone-error'))).to.equal('Indiquez un numéro de téléphone, par exemple 06 12 34 56 78.');
    await typeWords(phone, '06 12 34 56 78', { replace: true });
    await saveForm(profile);
    await waitUntil(() => text(one(profile, '[part~="section-contact"]')).includes('Claire Martin'), 'contact listed');
    expect(changes.map((change) => `${change.action} ${change.kind}`)).to.deep.equal(['add allergy', 'add contact']);

    // Reload: a new provider on the same database.
    fixtureCleanup();
    const again = await mount(dbName);
    const allergies = text(one(again.profile, '[part~="section-allergy"]'));
    expect(allergies).to.contain('Pénicilline');
    expect(allergies).to.contain('Allergie · Médicament · Grave');
    expect(text(one(again.profile, '[part~="section-contact"]'))).to.contain('Claire Martin Fille · 06 12 34 56 78');
    await expect(again.profile).to.be.accessible();

    const cardBase = one(again.card, '[part="base"]');
    const blocks = [...cardBase.querySelectorAll('section')].map((section) => section.getAttribute('part'));
    expect(blocks[0]).to.equal('allergies');
    expect(text(one(again.card, '[part="allergies"]'))).to.contain('Pénicilline — Allergie · Médicament · Grave');
    expect(text(one(again.card, '[part="contacts"]'))).to.contain('Claire Martin (Fille) — 06 12 34 56 78');
    expect(one(again.card, '[part="contacts"] a').getAttribute('href')).to.equal('tel:0612345678');
    expect(parseFloat(getComputedStyle(one(again.card, '.allergy-name')).fontSize)).to.be.at.least(24);
    await expect(again.card).to.be.accessible();

    // On paper: A4 with 12 mm margins leaves 186 × 273 mm (703 × 1031 CSS px).
    await setViewport({ width: 703, height: 1031 });
    await emulateMedia({ media: 'print' });
    await waitUntil(() => getComputedStyle(one(again.card, '[part="print"]')).display === 'none', 'print view');
    const height = again.card.getBoundingClientRect().height;
    expect(height).to.be.greaterThan(200);
    expect(height).to.be.at.most(1031);
  });

  it('prints a full profile on one A4 page, allergies first, black on white', async () => {
    const dbName = uniqueDbName('profile-print');
    const seed = createLocalDataSource({ dbName });
    const allergies = ['Pénicilline', 'Amoxicilline', 'Iode', 'Latex', 'Arachide', 'Kiwi', 'Aspirine', 'Codéine'];
    for (const substance of allergies)
      await seed.medicalProfile.add('allergy', {
        substance,
        type: 'allergy',
        category: 'medication',
        severity: 'high',
        reaction: 'Œdème de Quincke, urticaire généralisée',
      });
    for (const name of ['Claire Martin', 'Paul Martin', 'Dr Anne Leroy'])
      await seed.medicalProfile.add('contact', { name, relationship: 'Fille', phone: '06 12 34 56 78' });
    await seed.medicalProfile.add('bloodGroup', { group: 'A+' });
    for (const name of [
      'Insuffisance rénale chronique stade 5',
      'Hypertension artérielle',
      'Diabète de type 2',
      'Anémie',
    ])
      await seed.medicalProfile.add('condition', { name, since: '2019-03-01' });
    seed.close();
    const { card } = await mount(dbName);
    await setViewport({ width: 703, height: 1031 });
    await emulateMedia({ media: 'print' });
    await waitUntil(() => getComputedStyle(one(card, '[part="print"]')).display === 'none', 'print view');
    expect(getComputedStyle(one(card, '.allergy-name')).color).to.equal('rgb(0, 0, 0)');
    const height = card.getBoundingClientRect().height;
    expect(height).to.be.greaterThan(600);
    expect(height).to.be.at.most(1031);
  });

  it('asks before removing an entry, with focus on « Annuler »', async () => {
    const dbName = uniqueDbName('profile-remove');
    const seed = createLocalDataSource({ dbName });
    await seed.medicalProfile.add('allergy', {
      substance: 'Arachide',
      type: 'allergy',
      category: 'food',
      severity: 'high',
    });
    seed.close();
    const { profile, card } = await mount(dbName);
    expect(text(one(card, '[part="allergies"]'))).to.contain('Arachide');
    byRole(profile, 'button', 'Retirer Arachide').focus();
    await sendKeys({ press: 'Enter' });
    const question = one<HTMLDialogElement>(profile, 'dialog[part="remove-dialog"]');
    await waitUntil(() => question.open, 'question asked');
    expect(text(question)).to.contain('Retirer « Arachide » de votre profil ?');
    await waitUntil(() => text(profile.shadowRoot?.activeElement) === 'Annuler', 'focus on Annuler');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !question.open, 'kept');
    expect(text(one(profile, '[part~="section-allergy"]'))).to.contain('Arachide');

    await click(byRole(profile, 'button', 'Retirer Arachide'));
    await waitUntil(() => question.open, 'asked again');
    await click(byRole(question, 'button', 'Retirer'));
    await waitUntil(() => text(one(profile, '[part~="section-allergy"]')).includes('Aucune allergie'), 'removed');
  });

  it('speaks English, with the date in the page language', async () => {
    const dbName = uniqueDbName('profile-en');
    const { profile, card } = await mount(dbName, 'en');
    await waitUntil(() => text(one(profile, '#profile-title')) === 'My medical profile', 'English');
    expect(text(one(card, '#card-title'))).to.equal('Emergency card');
    await openForm(profile, 'Add a vaccination');
    await sendKeys({ type: 'Influenza' });
    await typeInto(profile, 'Date', '14/10/2025');
    expect(text(one(profile, '#date-hint'))).to.equal('dd/mm/yyyy');
    await saveForm(profile);
    await waitUntil(() => text(one(profile, '[part~="section-vaccination"]')).includes('Influenza'), 'listed');
    expect(text(one(profile, '[part~="section-vaccination"]'))).to.contain('14 October 2025');
  });

  it('says so when the record cannot be read, and offers to retry', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider><carnet-medical-profile></carnet-medical-profile></carnet-provider>`,
    );
    const profile = provider.querySelector('carnet-medical-profile') as CarnetMedicalProfile;
    const broken = createLocalDataSource({ dbName: uniqueDbName('profile-broken') });
    const refuse = (): Promise<never> => Promise.reject(new Error('disk full'));
    // Everything of a real local record, except a profile that cannot be read.
    profile.dataSource = Object.assign(Object.create(broken) as typeof broken, {
      medicalProfile: { get: refuse, add: refuse, update: refuse, remove: refuse },
    });
    await waitUntil(() => profile.matches(':state(error)'), 'error state');
    expect(queryByRole(profile, 'alert')).to.not.equal(null);
    expect(queryByRole(profile, 'button', 'Réessayer')).to.not.equal(null);
    await expect(profile).to.be.accessible();
  });
});
