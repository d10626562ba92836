// <carnet-provider> connected mode with its offline cache against the REAL demo
// platform whose FHIR server stops listening for real: a conflict found when
// the patient's change is sent is settled in the dialog, never overwritten.
import { sendKeys } from '@web/test-runner-commands';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import {
  providerPart,
  realClick,
  startFhirServer,
  stopFhirServer,
  withStoppableServer,
} from '../test-helpers/platform.js';
import { agendaEventButton, offlineAgenda, syncLine, text, writeNote } from './test-helpers/offline-agenda.js';

describe('<carnet-provider> offline cache: conflicts and unsent changes (FHIR server stopped for real)', function () {
  this.timeout(90_000);
  const suite = offlineAgenda('conflict');

  it('a note changed elsewhere meanwhile is never overwritten: the patient keeps both notes in the dialog', async () => {
    await withStoppableServer(async () => {
      const { provider, agenda, event } = await suite.agendaWithAppointment();
      const originalStart = event.start;
      // Another device writes a note on the server; this page still shows the version it read.
      await suite.server.agenda.update({ ...event, overrides: [{ originalStart, note: 'Apporter les analyses' }] });

      await stopFhirServer();
      await writeNote(agenda, event.title, 'Tension 13/8');
      await waitUntil(
        () => syncLine(provider) === "Hors connexion — 1 modification en attente d'envoi",
        `offline, one pending (was « ${syncLine(provider)} »)`,
        { timeout: 15_000 },
      );

      await startFhirServer();
      await waitUntil(() => providerPart(provider, 'review-button'), 'conflict announced', { timeout: 30_000 });
      expect(text(providerPart(provider, 'sync-conflicts'))).to.contain('1 modification à vérifier');
      // Nothing was overwritten: the server still holds the other device's note.
      expect((await suite.server.agenda.get(event.id)).overrides.map((o) => o.note)).to.deep.equal([
        'Apporter les analyses',
      ]);

      await realClick(providerPart(provider, 'review-button') as HTMLElement);
      const dialog = providerPart(provider, 'conflict-dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'conflict dialog open');
      // The safe choice has focus: deciding later loses nothing.
      await waitUntil(() => provider.shadowRoot?.activeElement?.getAttribute('part') === 'conflict-later', 'focus');
      expect(text(dialog.querySelector('[part="conflict-subject"]'))).to.equal(`Rendez-vous « ${event.title} »`);
      expect(text(dialog.querySelector('[part="conflict-theirs"]'))).to.contain('Apporter les analyses');
      expect(text(dialog.querySelector('[part="conflict-mine"]'))).to.contain('Tension 13/8');
      expect(dialog.querySelector('[part="choose-both"]')).to.exist;
      await expect(provider).to.be.accessible();

      // Escape leaves it waiting.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'dialog closed');
      expect(providerPart(provider, 'review-button')).to.exist;

      await realClick(providerPart(provider, 'review-button') as HTMLElement);
      await waitUntil(() => dialog.open, 'conflict dialog open again');
      await realClick(dialog.querySelector('[part="choose-both"]') as HTMLElement);
      await waitUntil(() => !dialog.open, 'dialog closed after the choice');
      await waitUntil(() => syncLine(provider) === 'À jour' && !providerPart(provider, 'review-button'), 'settled', {
        timeout: 30_000,
      });
      const saved = await suite.server.agenda.get(event.id);
      expect(saved.overrides.map((o) => o.note)).to.deep.equal(['Apporter les analyses\n\nTension 13/8']);
      // The agenda reads again by itself and shows both.
      await waitUntil(() => text(agendaEventButton(agenda, event.title)).includes('Tension 13/8'), 'agenda shows both');
      expect(text(agendaEventButton(agenda, event.title))).to.contain('Apporter les analyses');
    });
  });
});
