import { sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetSharing } from './sharing.js';
import { sharingSource } from './test-helpers/sample-sharing.js';
import '../provider/provider.js';
import './sharing.js';

const text = (root: ParentNode | null | undefined): string => root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function settled(element: CarnetSharing): Promise<void> {
  await waitUntil(() => element.matches(':state(ready), :state(empty), :state(error)'), 'loaded', {
    timeout: 10_000,
  });
  await element.updateComplete;
}

const $ = <T extends Element>(element: CarnetSharing, selector: string): T =>
  element.shadowRoot?.querySelector(selector) as T;

/** Focuses a native select and picks an option with the keyboard. */
async function choose(element: CarnetSharing, selector: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(element, selector);
  select.focus();
  const index = [...select.options].findIndex((option) => option.value === value);
  const steps = index - select.selectedIndex;
  for (let i = 0; i < Math.abs(steps); i++) await sendKeys({ press: steps > 0 ? 'ArrowDown' : 'ArrowUp' });
  await element.updateComplete;
  expect(select.value).to.equal(value);
}

describe('<carnet-sharing>', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('lists the accesses given, in words, and the professionals; accessible', async () => {
    const element = await fixture<CarnetSharing>(
      html`<carnet-sharing .dataSource=${sharingSource()}></carnet-sharing>`,
    );
    await settled(element);
    const grant = text($(element, '[part="grant"]'));
    expect(grant).to.contain('Karim Benali');
    expect(grant).to.contain('Agenda (lecture seule) et Pilulier (lecture et modification)');
    expect(grant).to.contain('jusqu’au 31 décembre 2030 inclus');
    expect(text($(element, '[part="professionals"]')))
      .to.contain('Dr Claire Martin')
      .and.contain('Néphrologue');
    expect($<HTMLButtonElement>(element, '[part="revoke"]').getAttribute('aria-label')).to.equal(
      'Retirer l’accès de Karim Benali',
    );
    await expect(element).to.be.accessible();
  });

  it('gives access with the keyboard: who, which parts, until when; then tells and fires carnet-sharing-change', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    await choose(element, 'select[name="caregiver"]', 'aidant-1');
    await choose(element, 'select[name="part-documents"]', 'read');
    await choose(element, 'select[name="part-agenda"]', 'write');
    const until = $<HTMLInputElement>(element, 'input[name="until"]');
    until.value = '2031-06-30';
    until.dispatchEvent(new Event('change'));
    const submit = $<HTMLButtonElement>(element, '[part="grant-form"] button[type="submit"]');
    submit.focus();
    const fired = oneEvent(element, 'carnet-sharing-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await fired;
    expect(detail).to.include({ action: 'grant', personId: 'aidant-1' });
    expect(detail.parts).to.deep.equal({ documents: 'read', agenda: 'write' });
    expect(source.calls.grants[0]?.until).to.match(/^2031-06-30T|^2031-07-01T/);
    await waitUntil(() => element.shadowRoot?.querySelectorAll('[part="grant"]').length === 2, 'two accesses');
    await waitUntil(() => text(element.shadowRoot).includes('Accès donné à Nadia Benali.'), 'announced');
    await expect(element).to.be.accessible();
  });

  it('says what is missing instead of giving an empty access', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    const submit = $<HTMLButtonElement>(element, '[part="grant-form"] button[type="submit"]');
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(text($(element, '[role="alert"]'))).to.equal('Choisissez la personne à qui donner accès.');
    await choose(element, 'select[name="caregiver"]', 'aidant-1');
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(text($(element, '[role="alert"]'))).to.equal('Choisissez au moins une partie du carnet.');
    expect(source.calls.grants).to.have.length(0);
  });

  it('revokes an access and stops sharing with a professional; focus stays in the element', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    $<HTMLButtonElement>(element, '[part="revoke"]').focus();
    const revoked = oneEvent(element, 'carnet-sharing-change');
    await sendKeys({ press: 'Enter' });
    expect((await revoked).detail).to.include({ action: 'revoke', grantId: 'grant-1' });
    await waitUntil(() => !element.shadowRoot?.querySelector('[part="grant"]'), 'no access left');
    expect(text(element.shadowRoot)).to.contain('Vous n’avez donné accès à aucun aidant.');
    await waitUntil(() => element.shadowRoot?.activeElement?.id === 'caregivers-title', 'focus on the heading');
    const stop = $<HTMLButtonElement>(element, '[part="stop-sharing"]');
    stop.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot?.querySelectorAll('[part="professional"]').length === 1, 'one left');
    expect(source.calls.stopped).to.deep.equal(['pro-1']);
  });

  it('shares the record with a professional of the directory', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    const options = [...$<HTMLSelectElement>(element, 'select[name="practitioner"]').options].map((o) => o.value);
    expect(options).to.deep.equal(['', 'pro-3']);
    await choose(element, 'select[name="practitioner"]', 'pro-3');
    $<HTMLButtonElement>(element, '[part="share"]').focus();
    const fired = oneEvent(element, 'carnet-sharing-change');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail).to.deep.equal({ action: 'share', personId: 'pro-3' });
    await waitUntil(() => element.shadowRoot?.querySelectorAll('[part="professional"]').length === 3, 'three');
    expect(source.calls.shared).to.deep.equal(['pro-3']);
    expect(element.shadowRoot?.querySelector('[part="share-form"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('a failed change says so and keeps the access listed', async () => {
    const element = await fixture<CarnetSharing>(
      html`<carnet-sharing .dataSource=${sharingSource({ failWrites: true })}></carnet-sharing>`,
    );
    await settled(element);
    $<HTMLButtonElement>(element, '[part="revoke"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.shadowRoot?.querySelector('[role="alert"]'), 'problem shown');
    expect(text($(element, '[role="alert"]'))).to.contain('Le changement n’a pas pu être enregistré');
    expect(element.shadowRoot?.querySelector('[part="grant"]')).to.not.equal(null);
  });

  it('shows an error with Retry when accesses cannot be read', async () => {
    const element = await fixture<CarnetSharing>(
      html`<carnet-sharing .dataSource=${sharingSource({ failReads: true })}></carnet-sharing>`,
    );
    await settled(element);
    expect(element.matches(':state(error)')).to.equal(true);
    expect(element.shadowRoot?.querySelector('[part="retry"]')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('on an on-device record says nothing is shared, in English too', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider locale="en" db-name=${uniqueDbName('sharing')}
        ><carnet-sharing></carnet-sharing
      ></carnet-provider>`,
    );
    const element = provider.querySelector('carnet-sharing') as CarnetSharing;
    await settled(element);
    await waitUntil(() => text(element.shadowRoot).includes('Nothing is shared from this device'), 'English');
    expect(element.matches(':state(empty)')).to.equal(true);
    await expect(element).to.be.accessible();
  });
});
