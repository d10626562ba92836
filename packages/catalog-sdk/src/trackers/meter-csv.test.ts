import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import { parseMeterCsv } from './meter-csv.js';

const LIBREVIEW_FR = [
  'Données de glycémie,Généré le,07-03-2026 10:12 UTC,Généré par,Lucie Martin',
  "Appareil,Numéro de série,Horodatage de l'appareil,Type d'enregistrement,Historique de la glycémie mg/dL,Glycémie scannée mg/dL,Insuline à action rapide non numérique,Glycémie par bandelette mg/dL,Notes",
  'FreeStyle Libre 2,ABC123,02-03-2026 07:31,0,104,,,,',
  'FreeStyle Libre 2,ABC123,02-03-2026 07:46,1,,110,,,',
  'FreeStyle Libre 2,ABC123,02-03-2026 08:00,4,,,1,,',
  'FreeStyle Libre 2,ABC123,13-03-2026 12:05,2,,,,"182",après le repas',
  'FreeStyle Libre 2,ABC123,14-03-2026 12:05,1,,LO,,,',
].join('\n');

const DEXCOM = [
  'Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL),Insulin Value (u),Carb Value (grams),Duration (hh:mm:ss),Glucose Rate of Change (mg/dL/min),Transmitter Time (Long Integer),Transmitter ID',
  '1,,FirstName,,Lucie,,,,,,,,,',
  '2,,Device,,,"G7 Mobile App",Android G7,,,,,,,',
  '3,2026-03-29T01:55:00,EGV,,,,Android G7,96,,,,0.1,123,ABC',
  '4,2026-03-29T03:05:00,EGV,,,,Android G7,Low,,,,,124,ABC',
  '5,2026-03-29T03:10:00,Insulin,Fast-Acting,,,Android G7,,2,,,,125,ABC',
  '6,2026-03-29T08:00:00,EGV,,,,Android G7,143,,,,-0.2,126,ABC',
].join('\r\n');

describe('parseMeterCsv', () => {
  it('reads a French LibreView export: historic, scanned and strip values, in Paris time, insulin rows apart', () => {
    const content = parseMeterCsv(LIBREVIEW_FR);
    expect(content.format).to.equal('libreview');
    expect(content.readings).to.deep.equal([
      { at: '2026-03-02T06:31:00.000Z', value: 104, unit: 'mg/dL', origin: 'imported' },
      { at: '2026-03-02T06:46:00.000Z', value: 110, unit: 'mg/dL', origin: 'imported' },
      { at: '2026-03-13T11:05:00.000Z', value: 182, unit: 'mg/dL', origin: 'imported' },
    ]);
    expect(content.otherRows).to.equal(1);
    expect(content.problems).to.deep.equal([{ line: 7, reason: 'value' }]);
  });

  it('reads a Dexcom Clarity export: glucose events only, across the change to summer time', () => {
    const content = parseMeterCsv(DEXCOM);
    expect(content.format).to.equal('dexcom');
    expect(content.readings.map((reading) => [reading.at, reading.value])).to.deep.equal([
      ['2026-03-29T00:55:00.000Z', 96],
      ['2026-03-29T06:00:00.000Z', 143],
    ]);
    expect(content.problems).to.deep.equal([{ line: 5, reason: 'value' }]);
    expect(content.otherRows).to.equal(3);
  });

  it('reads a generic semicolon file in mmol/L, month-first dates when asked, and refuses a file with no glucose column', () => {
    const generic = 'Date/Time;Glucose (mmol/L);Comment\n03/04/2026 7:05 PM;6,2;\n03/15/2026 07:05;5.1;ok\nbad;5;\n';
    const content = parseMeterCsv(generic, { dateOrder: 'month-first', timeZone: 'UTC' });
    expect(content.format).to.equal('generic');
    expect(content.readings).to.deep.equal([
      { at: '2026-03-04T19:05:00.000Z', value: 6.2, unit: 'mmol/L', origin: 'imported' },
      { at: '2026-03-15T07:05:00.000Z', value: 5.1, unit: 'mmol/L', origin: 'imported' },
    ]);
    expect(content.problems).to.deep.equal([{ line: 4, reason: 'date' }]);
    expect(() => parseMeterCsv('Date,Poids (kg)\n2026-03-01 08:00,72')).to.throw(ValidationError);
  });
});
