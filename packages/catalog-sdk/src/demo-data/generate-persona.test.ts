import { expect } from '@open-wc/testing';
import { ValidationError } from '../errors/errors.js';
import { DOCUMENT_KINDS } from '../model/document.js';
import { DOCUMENT_HISTORY_DAYS } from './documents.js';
import { DEFAULT_REFERENCE_DATE, generatePersona, PERSONAS, type PersonaId } from './index.js';
import { professionalName, vocabularyOf } from './personas.js';

const PERSONA_IDS: readonly PersonaId[] = ['diabetes', 'parkinson', 'kidney'];
const NOW = new Date(DEFAULT_REFERENCE_DATE);

/** Luhn check as used by RPPS numbers. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

describe('generatePersona', () => {
  it('is deterministic: two calls with the same inputs are deep-equal', () => {
    for (const persona of PERSONA_IDS) {
      expect(generatePersona(persona, { seed: 5 })).to.deep.equal(generatePersona(persona, { seed: 5 }));
    }
    expect(generatePersona('kidney')).to.deep.equal(
      generatePersona('kidney', { now: new Date(DEFAULT_REFERENCE_DATE) }),
    );
  });

  it('differs with another seed, keeping ids stable', () => {
    const a = generatePersona('parkinson', { seed: 1 });
    const b = generatePersona('parkinson', { seed: 2 });
    expect(a.documents).to.not.deep.equal(b.documents);
    expect(a.documents.map((d) => d.id)).to.deep.equal(b.documents.map((d) => d.id));
    expect(a.careTeam.map((m) => m.rpps)).to.not.deep.equal(b.careTeam.map((m) => m.rpps));
    expect(a.documents[0]?.id).to.equal('doc-parkinson-0001');
  });

  it('lists the three personas with their logins and names', () => {
    expect(PERSONAS.map((p) => p.id)).to.deep.equal(['diabetes', 'parkinson', 'kidney']);
    expect(PERSONAS.map((p) => p.login)).to.deep.equal(['diabetes', 'parkinson', 'kidney']);
    expect(PERSONAS.map((p) => p.displayName)).to.deep.equal(['Camille Durand', 'Jean Lefèvre', 'Fatima Benali']);
  });

  it('makes the patients the stated age at the reference date, with a pseudonym', () => {
    const ages: Record<PersonaId, number> = { diabetes: 54, parkinson: 67, kidney: 61 };
    for (const persona of PERSONA_IDS) {
      for (const now of [NOW, new Date('2027-02-01T12:00:00Z')]) {
        const { patient } = generatePersona(persona, { now, documentCount: 0 });
        const birth = new Date(`${patient.birthDate}T00:00:00Z`);
        let age = now.getUTCFullYear() - birth.getUTCFullYear();
        if (
          now.getUTCMonth() < birth.getUTCMonth() ||
          (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate())
        )
          age -= 1;
        expect(age, persona).to.equal(ages[persona]);
        expect(patient.pathology).to.equal(persona);
        expect(patient.pseudonym).to.match(/^[A-Za-zÀ-ÿ]+\d{2}$/);
      }
    }
    expect(generatePersona('diabetes').patient.pseudonym).to.equal('Colibri54');
  });

  it('gives each persona a care team of 5 to 8 with RPPS-like numbers and MSSanté addresses', () => {
    for (const persona of PERSONA_IDS) {
      const { careTeam } = generatePersona(persona, { documentCount: 0 });
      expect(careTeam.length).to.be.within(5, 8);
      expect(new Set(careTeam.map((m) => m.id)).size).to.equal(careTeam.length);
      for (const member of careTeam) {
        expect(member.rpps).to.match(/^10\d{9}$/);
        expect(luhnValid(member.rpps ?? ''), member.rpps).to.equal(true);
        expect(member.secureEmail).to.match(/^[a-z-]+\.[a-z-]+@[a-z-]+\.mssante\.fr$/);
        expect(member.phone).to.match(/^0\d( \d{2}){4}$/);
      }
      expect(careTeam.some((m) => m.specialty === 'Médecin traitant')).to.equal(true);
    }
    const parkinsonTeam = generatePersona('parkinson', { documentCount: 0 }).careTeam;
    expect(parkinsonTeam.find((m) => m.specialty === 'Neurologue')?.secureEmail).to.equal(
      'claire.martin@chu-bordeaux.mssante.fr',
    );
  });

  it('makes 320 documents by default and honours documentCount', () => {
    for (const persona of PERSONA_IDS) expect(generatePersona(persona).documents).to.have.length(320);
    expect(generatePersona('kidney', { documentCount: 12 }).documents).to.have.length(12);
  });

  it('gives every document a valid kind, a date in the six years before now, and sane attachments', () => {
    const kinds = new Set(DOCUMENT_KINDS.map((k) => k.kind));
    const earliest = NOW.getTime() - DOCUMENT_HISTORY_DAYS * 86_400_000;
    for (const persona of PERSONA_IDS) {
      const { documents } = generatePersona(persona);
      for (const document of documents) {
        expect(kinds.has(document.kind), document.kind).to.equal(true);
        const date = Date.parse(document.date);
        expect(date).to.be.within(earliest, NOW.getTime());
        expect(document.id).to.match(new RegExp(`^doc-${persona}-\\d{4}$`));
        expect(['application/pdf', 'image/jpeg', 'image/png']).to.include(document.contentType);
        expect(document.size).to.be.within(40_000, 3_000_000);
        expect(document.version).to.equal('1');
        expect(document).to.not.have.property('url');
        expect(new Set(document.tags).size).to.equal(document.tags.length);
      }
      const dates = documents.map((d) => Date.parse(d.date));
      expect(Math.min(...dates) - earliest).to.be.below(60 * 86_400_000);
    }
  });

  it('mixes kinds realistically: many lab results and prescriptions, all eight kinds present', () => {
    for (const persona of PERSONA_IDS) {
      const { documents } = generatePersona(persona);
      const count = (kind: string): number => documents.filter((d) => d.kind === kind).length;
      expect(new Set(documents.map((d) => d.kind)).size, persona).to.equal(8);
      expect(count('lab-result') + count('prescription')).to.be.above(documents.length * 0.45);
      expect(count('lab-result')).to.be.above(count('imaging'));
      expect(documents.filter((d) => d.contentType === 'application/pdf').length).to.be.above(documents.length * 0.7);
    }
  });

  it('writes French titles by kind and pathology, with favourites, tags and descriptions', () => {
    const titles = (persona: PersonaId): string[] => generatePersona(persona).documents.map((d) => d.title);
    expect(titles('diabetes')).to.include("Résultats d'analyses — hémoglobine glyquée (HbA1c)");
    expect(titles('diabetes').some((t) => t.startsWith('Ordonnance — renouvellement metformine'))).to.equal(true);
    expect(titles('parkinson')).to.include("Compte rendu d'hospitalisation — service de neurologie");
    expect(titles('parkinson')).to.include('IRM cérébrale');
    expect(titles('kidney')).to.include('Bilan sanguin pré-dialyse');
    expect(titles('kidney')).to.include('Échographie rénale');
    for (const persona of PERSONA_IDS) {
      const { documents } = generatePersona(persona);
      expect(titles(persona).some((t) => /^Compte rendu de consultation — Dr /.test(t))).to.equal(true);
      expect(titles(persona).some((t) => /^Certificat de vaccination grippe \d{4}$/.test(t))).to.equal(true);
      expect(titles(persona).every((t) => !t.includes('{'))).to.equal(true);
      const favourites = documents.filter((d) => d.favourite).length / documents.length;
      expect(favourites).to.be.within(0.03, 0.14);
      expect(documents.filter((d) => d.tags.length > 0).length).to.be.within(40, 200);
      expect(documents.filter((d) => d.description).length).to.be.within(60, 180);
    }
    const parkinsonTags = generatePersona('parkinson').documents.flatMap((d) => d.tags);
    expect(parkinsonTags).to.include('à montrer au neurologue');
    expect(generatePersona('kidney').documents.flatMap((d) => d.tags)).to.include('dialyse');
    expect(generatePersona('diabetes').documents.flatMap((d) => d.tags)).to.include('pied diabétique');
  });

  it('signs every document by a care-team member or a known external professional', () => {
    for (const persona of PERSONA_IDS) {
      const record = generatePersona(persona);
      const known = new Set([
        ...record.careTeam.map((m) => m.name),
        ...vocabularyOf(persona).externalProfessionals.map(professionalName),
      ]);
      for (const document of record.documents) expect(known.has(document.author ?? ''), document.author).to.equal(true);
      const careTeamNames = new Set(record.careTeam.map((m) => m.name));
      expect(record.documents.filter((d) => careTeamNames.has(d.author ?? '')).length).to.be.above(100);
    }
  });

  it('rejects an unknown persona and an invalid date with a ValidationError', () => {
    expect(() => generatePersona('asthma' as PersonaId)).to.throw(ValidationError);
    expect(() => generatePersona('kidney', { now: new Date('not a date') })).to.throw(ValidationError);
  });
});
