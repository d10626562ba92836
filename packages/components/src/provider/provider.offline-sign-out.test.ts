// <carnet-provider> connected mode with its offline cache against the REAL demo
// platform whose FHIR server stops listening for real: signing out with changes
// not yet sent asks first, and staying keeps them.
import { expect, waitUntil } from '../test-helpers/fixture.js';
import {
  providerPart,
  realClick,
  startFhirServer,
  stopFhirServer,
  withStoppableServer,
} from '../test-helpers/platform.js';
import { offlineAgenda, onePending, syncLine, text, writeNote } from './test-helpers/offline-agenda.js';

describe('<carnet-provider> offline cache: unsent changes at sign-out (FHIR server stopped for real)', function () {
  this.timeout(90_000);
  const suite = offlineAgenda('sign-out');

  it('signing out with changes not yet sent asks first; staying keeps them and they are sent once the server is back', async () => {
    await withStoppableServer(async () => {
      const { provider, agenda, event } = await suite.agendaWithAppointment();
      await stopFhirServer();
      await writeNote(agenda, event.title, 'Vertiges le matin');
      await onePending(provider);

      await realClick(providerPart(provider, 'sign-out-button') as HTMLElement);
      const dialog = providerPart(provider, 'sign-out-dialog') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'sign-out confirmation open');
      expect(text(dialog)).to.contain('1 modification n’est pas encore'.replace('’', "'"));
      await waitUntil(
        () => provider.shadowRoot?.activeElement?.getAttribute('part') === 'stay-signed-in',
        'safe focus',
      );
      await expect(provider).to.be.accessible();
      await realClick(providerPart(provider, 'stay-signed-in') as HTMLElement);
      await waitUntil(() => !dialog.open, 'confirmation closed');
      expect(provider.recordStatus).to.equal('ready');

      await startFhirServer();
      await waitUntil(() => syncLine(provider) === 'À jour', 'sent', { timeout: 30_000 });
      expect((await suite.server.agenda.get(event.id)).overrides.map((o) => o.note)).to.deep.equal([
        'Vertiges le matin',
      ]);
    });
  });
});
