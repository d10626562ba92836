import { expect } from '@open-wc/testing';
import type { Practitioner } from '@medplum/fhirtypes';
import type { CareTeamMember } from '../care-team.js';
import { careTeamMemberToPractitioner, practitionerToCareTeamMember } from './care-team.js';
import { ORGANISATION_EXTENSION_URL, RPPS_SYSTEM } from './urls.js';
import { expectMappingError } from './test-helpers/expect-mapping-error.js';

const martin: CareTeamMember = {
  id: 'prac-martin',
  name: 'Dr Claire Martin',
  prefix: 'Dr',
  given: 'Claire',
  family: 'Martin',
  specialty: 'Neurologue',
  organisation: 'CHU de Lyon — Hôpital neurologique',
  secureEmail: 'claire.martin@chu-lyon.mssante.fr',
  phone: '+33 4 72 11 00 00',
  rpps: '10101234567',
};

const read = (value: unknown) => () => practitionerToCareTeamMember(value as Practitioner);

describe('Practitioner ↔ CareTeamMember', () => {
  it('writes name parts, specialty, telecom, RPPS and organisation', () => {
    const p = careTeamMemberToPractitioner(martin);
    expect(p.name).to.deep.equal([
      { use: 'official', text: 'Dr Claire Martin', prefix: ['Dr'], given: ['Claire'], family: 'Martin' },
    ]);
    expect(p.qualification).to.deep.equal([{ code: { text: 'Neurologue' } }]);
    expect(p.telecom).to.deep.equal([
      { system: 'email', value: 'claire.martin@chu-lyon.mssante.fr', use: 'work' },
      { system: 'phone', value: '+33 4 72 11 00 00', use: 'work' },
    ]);
    expect(p.identifier).to.deep.equal([{ system: RPPS_SYSTEM, value: '10101234567' }]);
    expect(p.extension).to.deep.equal([{ url: ORGANISATION_EXTENSION_URL, valueString: martin.organisation }]);
  });

  it('round-trips domain → FHIR → domain and FHIR → domain → FHIR', () => {
    expect(practitionerToCareTeamMember(careTeamMemberToPractitioner(martin))).to.deep.equal(martin);
    const p = careTeamMemberToPractitioner(martin);
    expect(careTeamMemberToPractitioner(practitionerToCareTeamMember(p))).to.deep.equal(p);
  });

  it('reads a directory practitioner: composed display name, foreign identifiers ignored', () => {
    const member = practitionerToCareTeamMember({
      resourceType: 'Practitioner',
      id: 'ans-1',
      identifier: [
        { system: 'urn:oid:1.2.250.1.71.4.2.2', value: '0001' },
        { system: RPPS_SYSTEM, value: '10009876543' },
      ],
      name: [{ prefix: ['Dr'], given: ['Karim'], family: 'Benali' }],
    });
    expect(member).to.deep.equal({
      id: 'ans-1',
      name: 'Dr Karim Benali',
      prefix: 'Dr',
      given: 'Karim',
      family: 'Benali',
      rpps: '10009876543',
    });
  });

  it('rejects a practitioner without name or family, and garbage telecom', () => {
    const p = JSON.parse(JSON.stringify(careTeamMemberToPractitioner(martin))) as Record<string, unknown>;
    expectMappingError(read({ ...p, name: [] }), 'Practitioner.name');
    expectMappingError(read({ ...p, name: [{ given: ['Claire'] }] }), 'Practitioner.name[0].family');
    expectMappingError(read({ ...p, telecom: [{ system: 'email', value: 12 }] }), 'Practitioner.telecom[0].value');
    expectMappingError(read({ ...p, qualification: [{ code: {} }] }), 'Practitioner.qualification[0].code.text');
    expectMappingError(read({ ...p, id: 'un id avec espaces' }), 'Practitioner.id');
  });
});
