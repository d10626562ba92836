import { expect } from '@open-wc/testing';
import type { Observation } from '@medplum/fhirtypes';
import { MappingError } from '../../errors/errors.js';
import { glucoseReadingToObservation, observationToGlucoseReading } from './tracker.js';

const context = { patientId: 'diabetes-patient' };

describe('glucose ↔ FHIR Observation', () => {
  it('writes LOINC 41653-7 and 2339-0 with a UCUM mg/dL quantity, meal context in its extension', () => {
    const reading = {
      id: '',
      version: '',
      at: '2026-03-30T06:45:00.000Z',
      value: 112,
      unit: 'mg/dL' as const,
      mealContext: 'before-meal' as const,
      origin: 'entered' as const,
    };
    const observation = glucoseReadingToObservation(reading, context);
    expect(observation.code.coding?.map((coding) => coding.code)).to.deep.equal(['41653-7', '2339-0']);
    expect(observation.valueQuantity).to.deep.equal({
      value: 112,
      unit: 'mg/dL',
      system: 'http://unitsofmeasure.org',
      code: 'mg/dL',
    });
    expect(observation.subject?.reference).to.equal('Patient/diabetes-patient');
    expect(observation).to.not.have.property('id');
    const back = observationToGlucoseReading({ ...observation, id: 'o1', meta: { versionId: '3' } });
    expect(back).to.deep.equal({ ...reading, id: 'o1', version: '3' });
  });

  it('writes mmol/L with the Moles/volume codes and keeps an import mark and a note', () => {
    const reading = {
      id: 'o2',
      version: '1',
      at: '2026-03-30T20:00:00.000Z',
      value: 7.2,
      unit: 'mmol/L' as const,
      origin: 'imported' as const,
      note: 'après le sport',
    };
    const observation = glucoseReadingToObservation(reading, context);
    expect(observation.code.coding?.map((coding) => coding.code)).to.deep.equal(['14743-9', '15074-8']);
    expect(observationToGlucoseReading(observation)).to.deep.equal(reading);
  });

  it('refuses an Observation that is not a glucose value, or has no unit it knows', () => {
    const bloodGroup = {
      resourceType: 'Observation',
      id: 'b',
      meta: { versionId: '1' },
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '882-1' }] },
    } as Observation;
    expect(() => observationToGlucoseReading(bloodGroup)).to.throw(MappingError);
    const noUnit = {
      ...bloodGroup,
      code: { coding: [{ system: 'http://loinc.org', code: '2339-0' }] },
      effectiveDateTime: '2026-03-30T20:00:00Z',
      valueQuantity: { value: 5 },
    } as Observation;
    expect(() => observationToGlucoseReading(noUnit)).to.throw(MappingError);
  });
});
