import { createLocalDataSource } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, deepActiveElement, PATIENCE } from '../test-helpers/dialog-contract.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetMeasurementChangeDetail } from '../events/carnet-measurement-change.js';
import type { CarnetTracker } from './tracker.js';
import { part, text } from './test-helpers/glucose-entry.js';
import '../provider/provider.js';
import './tracker.js';

/** « 02-03-2026 07:31 » in Paris time as LibreView writes it, `hours` before now. */
function libreViewTime(hoursAgo: number): { cell: string; at: Date } {
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
  at.setSeconds(0, 0);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { cell: `${parts['day']}-${parts['month']}-${parts['year']} ${parts['hour']}:${parts['minute']}`, at };
}

function chooseFile(tracker: CarnetTracker, file: File): void {
  const input = part<HTMLInputElement>(tracker, 'input[part="import-file"]');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<carnet-tracker> importing a meter export', () => {
  afterEach(deleteTestDatabases);

  it('previews a LibreView export, imports exactly the new values and says how many were already there', async () => {
    const dbName = uniqueDbName('tracker-import');
    // Two values already typed by hand, which the export holds too.
    const kept = [libreViewTime(50), libreViewTime(26)];
    const record = createLocalDataSource({ dbName });
    await record.trackers.add('glucose', { at: kept[0]!.at.toISOString(), value: 97, unit: 'mg/dL' });
    await record.trackers.add('glucose', { at: kept[1]!.at.toISOString(), value: 151, unit: 'mg/dL' });
    record.close();

    const fresh = [
      { ...libreViewTime(98), value: 88 },
      { ...libreViewTime(74), value: 132 },
      { ...libreViewTime(49), value: 201 },
      { ...libreViewTime(30), value: 64 },
      { ...libreViewTime(6), value: 117 },
    ];
    const rows = [
      'Données de glycémie,Généré le,07-03-2026 10:12 UTC,Généré par,Lucie Martin',
      "Appareil,Numéro de série,Horodatage de l'appareil,Type d'enregistrement,Historique de la glycémie mg/dL,Glycémie scannée mg/dL,Insuline à action rapide non numérique,Glycémie par bandelette mg/dL",
      ...fresh.map(
        ({ cell, value }, index) =>
          `FreeStyle Libre 2,X1,${cell},${index % 2},${index % 2 ? '' : value},${index % 2 ? value : ''},,`,
      ),
      `FreeStyle Libre 2,X1,${kept[0]!.cell},1,,97,,`,
      `FreeStyle Libre 2,X1,${kept[1]!.cell},2,,,,151`,
      // The same scan exported twice.
      `FreeStyle Libre 2,X1,${fresh[4]!.cell},1,,117,,`,
      `FreeStyle Libre 2,X1,${fresh[4]!.cell},4,,,1,`,
    ];
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${dbName} pathology="diabetes"><carnet-tracker></carnet-tracker></carnet-provider>`,
    );
    const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
    await waitUntil(
      () => tracker.shadowRoot?.querySelectorAll('[part="chart"] circle').length === 2,
      'values shown',
      PATIENCE,
    );
    const changes: CarnetMeasurementChangeDetail[] = [];
    tracker.addEventListener('carnet-measurement-change', (event) => changes.push(event.detail));

    await activate(part(tracker, '[part="import"]'));
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'import-file', 'file field focused', PATIENCE);
    chooseFile(tracker, new File([rows.join('\n')], 'libreview.csv', { type: 'text/csv' }));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="import-preview"]'), 'preview shown', PATIENCE);
    const preview = text(part(tracker, '[part="import-preview"]'));
    expect(preview).to.contain('Fichier LibreView : 8 mesures');
    expect(preview).to.contain('5 nouvelles mesures').and.to.contain('3 déjà dans votre carnet');
    expect(preview).to.contain('88 mg/dL');
    // Nothing is written before the patient confirms.
    expect(tracker.shadowRoot?.querySelectorAll('[part="chart"] circle').length).to.equal(2);
    await expect(tracker).to.be.accessible();

    const confirm = part(tracker, '[part="import-confirm"]');
    expect(text(confirm)).to.equal('Importer 5 mesures');
    await activate(confirm);
    await waitUntil(
      () => tracker.shadowRoot?.querySelectorAll('[part="chart"] circle').length === 7,
      'imported',
      PATIENCE,
    );
    expect(text(part(tracker, '[part="import-report"]'))).to.equal('5 mesures importées, 3 déjà présentes.');
    await waitUntil(
      () => text(part(tracker, '[role="status"]')).includes('5 mesures importées'),
      'announced',
      PATIENCE,
    );
    expect(changes).to.have.length(1);
    expect(changes[0]).to.include({ action: 'import', kind: 'glucose' });
    expect(changes[0]!.entryIds).to.have.length(5);

    const after = createLocalDataSource({ dbName });
    const stored = await after.trackers.list('glucose', {
      from: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    });
    after.close();
    expect(stored.map((reading) => reading.value).sort((a, b) => a - b)).to.deep.equal([
      64, 88, 97, 117, 132, 151, 201,
    ]);
    expect(
      stored
        .filter((reading) => reading.origin === 'imported')
        .map((reading) => reading.value)
        .sort((a, b) => a - b),
    ).to.deep.equal([64, 88, 117, 132, 201]);

    // The same file again: nothing new, and the button to import is not offered.
    await activate(part(tracker, '[part="import"]'));
    await waitUntil(() => tracker.shadowRoot?.querySelector('input[part="import-file"]'), 'dialog open', PATIENCE);
    chooseFile(tracker, new File([rows.join('\n')], 'libreview.csv', { type: 'text/csv' }));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="import-preview"]'), 'preview shown', PATIENCE);
    expect(text(part(tracker, '[part="import-preview"]'))).to.contain('0 nouvelles mesures');
    expect(tracker.shadowRoot?.querySelector('[part="import-confirm"]')).to.equal(null);
  });

  it('says plainly when a file is not a meter export', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('tracker-import-bad')} pathology="diabetes"
        ><carnet-tracker></carnet-tracker
      ></carnet-provider>`,
    );
    const tracker = provider.querySelector('carnet-tracker') as CarnetTracker;
    await waitUntil(() => tracker.shadowRoot?.querySelector('[part="import"]'), 'tracker shown', PATIENCE);
    await activate(part(tracker, '[part="import"]'));
    await waitUntil(() => tracker.shadowRoot?.querySelector('input[part="import-file"]'), 'dialog open', PATIENCE);
    chooseFile(tracker, new File(['Nom,Poids\nLucie,72\n'], 'autre.csv', { type: 'text/csv' }));
    await waitUntil(() => tracker.shadowRoot?.querySelector('[role="alert"]'), 'problem shown', PATIENCE);
    expect(text(part(tracker, '[role="alert"]'))).to.contain("n'a pas pu être lu");
    expect(tracker.shadowRoot?.querySelector('[part="import-confirm"]')).to.equal(null);
  });
});
