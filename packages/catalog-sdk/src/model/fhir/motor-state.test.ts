import { expect } from '@open-wc/testing';
import { MappingError } from '../../errors/errors.js';
import { isMotorStateObservation, motorStateEntryToObservation, observationToMotorStateEntry } from './motor-state.js';

const context = { patientId: 'parkinson-patient' };
const entry = {
  id: 'm1',
  version: '2',
  at: '2026-03-04T07:00:00.000Z',
  end: '2026-03-04T07:30:00.000Z',
  state: 'on-dyskinesia' as const,
  origin: 'entered' as const,
};

describe('motor diary slot ↔ FHIR Observation', () => {
  it('writes the slot as a Carnet motor-state code, its period and the state as a coded value', () => {
    const observation = motorStateEntryToObservation(entry, context);
    expect(observation.code.coding?.[0]).to.include({
      system: 'https://carnet.example.org/fhir/CodeSystem/observation-code',
      code: 'motor-state',
    });
    expect(observation.effectivePeriod).to.deep.equal({
      start: '2026-03-04T07:00:00.000Z',
      end: '2026-03-04T07:30:00.000Z',
    });
    expect(observation.effectiveDateTime).to.equal(undefined);
    expect(observation.valueCodeableConcept?.coding?.[0]).to.include({
      system: 'https://carnet.example.org/fhir/CodeSystem/motor-state',
      code: 'on-dyskinesia',
    });
    expect(observation.valueCodeableConcept?.text).to.equal('On avec dyskinésies');
    expect(observation.category?.[0]?.coding?.[0]?.code).to.equal('survey');
    expect(observation.subject?.reference).to.equal('Patient/parkinson-patient');
    expect(observation.meta?.versionId).to.equal('2');
    expect(isMotorStateObservation(observation)).to.equal(true);
  });

  it('reads back what it writes', () => {
    expect(observationToMotorStateEntry(motorStateEntryToObservation(entry, context))).to.deep.equal(entry);
  });

  it('refuses an unknown state and a glucose Observation, naming the path', () => {
    const wrong = motorStateEntryToObservation(entry, context);
    wrong.valueCodeableConcept!.coding![0]!.code = 'wobbly';
    expect(() => observationToMotorStateEntry(wrong))
      .to.throw(MappingError)
      .with.property('field', 'Observation.valueCodeableConcept.coding.code');
    const glucose = { ...wrong, code: { coding: [{ system: 'http://loinc.org', code: '41653-7' }] } };
    expect(isMotorStateObservation(glucose)).to.equal(false);
    expect(() => observationToMotorStateEntry(glucose)).to.throw(MappingError);
  });
});
