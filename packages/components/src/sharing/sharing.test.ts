import { sendKeys } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import { activate, PATIENCE } from '../test-helpers/dialog-contract.js';
import { allByRole, byRole, chooseOption, click, queryByRole, typeInto } from '../test-helpers/person.js';
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

/** The accesses given to caregivers, as read. */
const grants = (element: CarnetSharing): string[] =>
  allByRole(element, 'listitem')
    .filter((item) => item.matches('[part="grant"]'))
    .map((item) => text(item));

/** The professionals who can see the record, as read. */
const professionals = (element: CarnetSharing): string[] =>
  allByRole(element, 'listitem')
    .filter((item) => item.matches('[part="professional"]'))
    .map((item) => text(item));

/** Picks an option of the list labelled `label` with the keyboard. */
const choose = (element: CarnetSharing, label: string | RegExp, option: string | RegExp): Promise<void> =>
  chooseOption(byRole<HTMLSelectElement>(element, 'combobox', label), option);

/** The confirmation dialog, once open with the title `title`. */
async function confirmation(element: CarnetSharing, title: string): Promise<HTMLDialogElement> {
  const dialog = element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part="confirm-dialog"]');
  if (!dialog) throw new Error('no confirmation dialog');
  await waitUntil(() => dialog.open && text(dialog.querySelector('h2')) === title, `« ${title} » open`, PATIENCE);
  return dialog;
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
    const [grant] = grants(element);
    expect(grant).to.contain('Karim Benali');
    expect(grant).to.contain('Agenda (lecture seule) et Pilulier (lecture et modification)');
    expect(grant).to.contain('jusqu’au 31 décembre 2030 inclus');
    expect(professionals(element).join(' ')).to.contain('Dr Claire Martin').and.contain('Néphrologue');
    expect(queryByRole(element, 'button', 'Retirer l’accès de Karim Benali')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('gives access with the keyboard: who, which parts, until when; then tells and fires carnet-sharing-change', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    await choose(element, 'Aidant', /^Nadia Benali/);
    await choose(element, 'Documents', 'lecture seule');
    await choose(element, 'Agenda', 'lecture et modification');
    // The last day, typed as a French reader writes it; Tab goes on to « Donner l’accès ».
    await typeInto(byRole(element, 'textbox', 'Jusqu’au (facultatif)'), '30/06/2031');
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot?.activeElement).to.equal(byRole(element, 'button', 'Donner l’accès'));
    const fired = oneEvent(element, 'carnet-sharing-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await fired;
    expect(detail).to.include({ action: 'grant', personId: 'aidant-1' });
    expect(detail.parts).to.deep.equal({ documents: 'read', agenda: 'write' });
    expect(source.calls.grants[0]?.until).to.match(/^2031-06-30T|^2031-07-01T/);
    await waitUntil(() => grants(element).length === 2, 'two accesses');
    await waitUntil(() => text(element.shadowRoot).includes('Accès donné à Nadia Benali.'), 'announced');
    await expect(element).to.be.accessible();
  });

  it('says what is missing instead of giving an empty access', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    const alert = (): string => text(queryByRole(element, 'alert'));
    await click(byRole(element, 'button', 'Donner l’accès'));
    await waitUntil(() => alert() === 'Choisissez la personne à qui donner accès.', 'who is missing');
    await choose(element, 'Aidant', /^Nadia Benali/);
    await click(byRole(element, 'button', 'Donner l’accès'));
    await waitUntil(() => alert() === 'Choisissez au moins une partie du carnet.', 'the parts are missing');
    await choose(element, 'Agenda', 'lecture seule');
    await typeInto(byRole(element, 'textbox', 'Jusqu’au (facultatif)'), '31/02/2031');
    await click(byRole(element, 'button', 'Donner l’accès'));
    await waitUntil(() => alert() === 'Date non reconnue : écrivez-la jj/mm/aaaa.', 'the day is not a real one');
    expect(byRole(element, 'textbox', 'Jusqu’au (facultatif)').getAttribute('aria-invalid')).to.equal('true');
    expect(source.calls.grants).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('revokes an access and stops sharing with a professional once confirmed; focus stays in the element', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    await activate(byRole(element, 'button', 'Retirer l’accès de Karim Benali'));
    const dialog = await confirmation(element, 'Retirer l’accès de Karim Benali ?');
    expect(text(dialog)).to.contain('Karim Benali ne pourra plus voir votre agenda et votre pilulier.');
    expect(source.calls.revoked, 'nothing revoked before confirming').to.deep.equal([]);
    // The safe choice comes first; Tab goes on to the destructive one.
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot?.activeElement).to.equal(byRole(dialog, 'button', 'Retirer l’accès'));
    const revoked = oneEvent(element, 'carnet-sharing-change');
    await sendKeys({ press: 'Enter' });
    expect((await revoked).detail).to.include({ action: 'revoke', grantId: 'grant-1' });
    await waitUntil(() => grants(element).length === 0, 'no access left');
    expect(dialog.open).to.equal(false);
    expect(text(element.shadowRoot)).to.contain('Vous n’avez donné accès à aucun aidant.');
    await waitUntil(() => element.shadowRoot?.activeElement?.id === 'caregivers-title', 'focus on the heading');

    await click(byRole(element, 'button', 'Ne plus partager avec Dr Claire Martin'));
    const stop = await confirmation(element, 'Ne plus partager avec Dr Claire Martin ?');
    expect(text(stop)).to.contain('Dr Claire Martin ne pourra plus voir votre carnet.');
    await click(byRole(stop, 'button', 'Ne plus partager'));
    await waitUntil(() => professionals(element).length === 1, 'one left');
    expect(source.calls.stopped).to.deep.equal(['pro-1']);
    await waitUntil(() => element.shadowRoot?.activeElement?.id === 'professionals-title', 'focus on the heading');
  });

  it('a repeated key press keeps the access: the first Enter after opening chooses « Garder l’accès »', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    const revoke = byRole(element, 'button', 'Retirer l’accès de Karim Benali');
    await activate(revoke);
    const dialog = await confirmation(element, 'Retirer l’accès de Karim Benali ?');
    expect(element.shadowRoot?.activeElement).to.equal(byRole(dialog, 'button', 'Garder l’accès'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog.open, 'the dialog closed');
    await waitUntil(() => element.shadowRoot?.activeElement === revoke, 'focus back on the button');
    expect(source.calls.revoked).to.deep.equal([]);
    expect(grants(element)).to.have.length(1);

    // Stopping sharing: the first Enter chooses « Continuer à partager »; Escape cancels too.
    const stopButton = byRole(element, 'button', 'Ne plus partager avec Dr Claire Martin');
    await activate(stopButton);
    const stop = await confirmation(element, 'Ne plus partager avec Dr Claire Martin ?');
    expect(element.shadowRoot?.activeElement).to.equal(byRole(stop, 'button', 'Continuer à partager'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !stop.open, 'the dialog closed');
    await activate(stopButton);
    await confirmation(element, 'Ne plus partager avec Dr Claire Martin ?');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !stop.open, 'Escape closed it');
    await waitUntil(() => element.shadowRoot?.activeElement === stopButton, 'focus back on the button');
    expect(source.calls.stopped).to.deep.equal([]);
    expect(professionals(element)).to.have.length(2);
  });

  it('shares the record with a professional of the directory', async () => {
    const source = sharingSource();
    const element = await fixture<CarnetSharing>(html`<carnet-sharing .dataSource=${source}></carnet-sharing>`);
    await settled(element);
    const options = [...byRole<HTMLSelectElement>(element, 'combobox', 'Professionnel').options].map((o) =>
      o.label.trim(),
    );
    expect(options).to.deep.equal(['Choisir…', 'Dr Inès Roux (Diététicienne)']);
    await choose(element, 'Professionnel', /^Dr Inès Roux/);
    const fired = oneEvent(element, 'carnet-sharing-change');
    await click(byRole(element, 'button', 'Partager mon carnet'));
    expect((await fired).detail).to.deep.equal({ action: 'share', personId: 'pro-3' });
    await waitUntil(() => professionals(element).length === 3, 'three');
    expect(source.calls.shared).to.deep.equal(['pro-3']);
    expect(queryByRole(element, 'button', 'Partager mon carnet'), 'nobody left to add').to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('a failed change says so and keeps the access listed', async () => {
    const element = await fixture<CarnetSharing>(
      html`<carnet-sharing .dataSource=${sharingSource({ failWrites: true })}></carnet-sharing>`,
    );
    await settled(element);
    await click(byRole(element, 'button', 'Retirer l’accès de Karim Benali'));
    const dialog = await confirmation(element, 'Retirer l’accès de Karim Benali ?');
    await click(byRole(dialog, 'button', 'Retirer l’accès'));
    await waitUntil(() => queryByRole(element, 'alert'), 'problem shown');
    expect(text(byRole(element, 'alert'))).to.contain('Le changement n’a pas pu être enregistré');
    expect(grants(element)).to.have.length(1);
  });

  it('shows an error with Retry when accesses cannot be read', async () => {
    const element = await fixture<CarnetSharing>(
      html`<carnet-sharing .dataSource=${sharingSource({ failReads: true })}></carnet-sharing>`,
    );
    await settled(element);
    expect(element.matches(':state(error)')).to.equal(true);
    expect(queryByRole(element, 'button', 'Réessayer')).to.not.equal(null);
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

  it('the confirmation says who loses what in English too', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider locale="en" .dataSource=${sharingSource()}
        ><carnet-sharing></carnet-sharing
      ></carnet-provider>`,
    );
    const element = provider.querySelector('carnet-sharing') as CarnetSharing;
    await settled(element);
    await waitUntil(() => queryByRole(element, 'button', 'Withdraw access from Karim Benali'), 'English wording');
    await activate(byRole(element, 'button', 'Withdraw access from Karim Benali'));
    const dialog = element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part="confirm-dialog"]');
    await waitUntil(() => dialog?.open, 'the confirmation open', PATIENCE);
    expect(text(dialog)).to.contain('Karim Benali will no longer be able to see your agenda and your pill organiser.');
    expect(element.shadowRoot?.activeElement).to.equal(
      byRole(dialog as HTMLDialogElement, 'button', 'Keep the access'),
    );
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog?.open, 'closed');
  });
});
