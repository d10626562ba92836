import { expect } from '@open-wc/testing';
import {
  bloodPressureReadingToObservation,
  observationToBloodPressureReading,
  observationToWeightReading,
  weightReadingToObservation,
} from './vital-signs.js';

const context = { patientId: 'kidney-patient' };

describe('weight and blood pressure ↔ FHIR Observation', () => {
  it('writes a weight before dialysis as LOINC 29463-7 in kg, with its session', () => {
    const reading = {
      id: 'w1',
      version: '1',
      at: '2026-03-02T06:20:00.000Z',
      kg: 72.4,
      moment: 'before-dialysis' as const,
      session: '2026-03-02T06:30:00.000Z',
      origin: 'entered' as const,
    };
    const observation = weightReadingToObservation(reading, context);
    expect(observation.code.coding?.[0]).to.include({ system: 'http://loinc.org', code: '29463-7' });
    expect(observation.valueQuantity).to.deep.equal({
      value: 72.4,
      unit: 'kg',
      system: 'http://unitsofmeasure.org',
      code: 'kg',
    });
    expect(observation.category?.[0]?.coding?.[0]?.code).to.equal('vital-signs');
    expect(observationToWeightReading(observation)).to.deep.equal(reading);
  });

  it('writes a blood pressure as the 85354-9 panel with systolic 8480-6 and diastolic 8462-4 in mm[Hg]', () => {
    const reading = {
      id: 'b1',
      version: '2',
      at: '2026-03-02T06:25:00.000Z',
      systolic: 142,
      diastolic: 86,
      origin: 'entered' as const,
    };
    const observation = bloodPressureReadingToObservation(reading, context);
    expect(observation.code.coding?.[0]?.code).to.equal('85354-9');
    expect(
      observation.component?.map((component) => [
        component.code.coding?.[0]?.code,
        component.valueQuantity?.value,
        component.valueQuantity?.code,
      ]),
    ).to.deep.equal([
      ['8480-6', 142, 'mm[Hg]'],
      ['8462-4', 86, 'mm[Hg]'],
    ]);
    expect(observationToBloodPressureReading(observation)).to.deep.equal(reading);
  });
});
