import { expect } from '@open-wc/testing';
import type { DocumentReference } from '@medplum/fhirtypes';
import type { HealthDocument } from '../document.js';
import {
  HIDDEN_FROM_PROFESSIONALS_LABEL,
  documentReferenceToHealthDocument,
  healthDocumentToDocumentReference,
  isHiddenFromProfessionals,
} from './document.js';
import { applyDocumentChanges } from '../../sources/fhir/fhir-documents.js';
import { FAVOURITE_SYSTEM, USER_TAG_SYSTEM } from './urls.js';
import { expectMappingError } from './test-helpers/expect-mapping-error.js';

/** Asserts `run` throws a MappingError at exactly `field`. */

const ordonnance: HealthDocument = {
  id: 'doc-ordo-1',
  title: 'Ordonnance — Dr Claire Martin, neurologue',
  kind: 'prescription',
  date: '2026-02-03T09:15:00.000Z',
  author: 'Dr Claire Martin',
  organisation: 'CHU de Lyon',
  description: 'Renouvellement lévodopa',
  tags: ['suivi', 'neuro'],
  favourite: true,
  hiddenFromProfessionals: false,
  contentType: 'application/pdf',
  size: 184_320,
  url: 'Binary/bin-ordo-1',
  version: '3',
};

const resource = (): DocumentReference => healthDocumentToDocumentReference(ordonnance, { patientId: 'pat-parkinson' });

describe('DocumentReference ↔ HealthDocument', () => {
  it('writes the LOINC type, dates, author, custodian, attachment and subject', () => {
    const r = resource();
    expect(r.resourceType).to.equal('DocumentReference');
    expect(r.id).to.equal('doc-ordo-1');
    expect(r.status).to.equal('current');
    expect(r.type?.coding?.[0]).to.include({ system: 'http://loinc.org', code: '57833-6' });
    expect(r.subject).to.deep.equal({ reference: 'Patient/pat-parkinson' });
    expect(r.date).to.equal('2026-02-03T09:15:00.000Z');
    expect(r.author).to.deep.equal([{ display: 'Dr Claire Martin' }]);
    expect(r.custodian).to.deep.equal({ display: 'CHU de Lyon' });
    expect(r.content[0]?.attachment).to.deep.equal({
      contentType: 'application/pdf',
      size: 184_320,
      url: 'Binary/bin-ordo-1',
      title: 'Ordonnance — Dr Claire Martin, neurologue',
    });
  });

  it('writes user tags and favourite as meta.tag in our systems, and the version', () => {
    const r = resource();
    expect(r.meta?.versionId).to.equal('3');
    expect(r.meta?.tag).to.deep.equal([
      { system: USER_TAG_SYSTEM, code: 'suivi', display: 'suivi' },
      { system: USER_TAG_SYSTEM, code: 'neuro', display: 'neuro' },
      { system: FAVOURITE_SYSTEM, code: 'favourite' },
    ]);
  });

  it('round-trips domain → FHIR → domain unchanged', () => {
    expect(documentReferenceToHealthDocument(resource())).to.deep.equal(ordonnance);
  });

  it('round-trips a minimal document (no author, tags, favourite, size or url)', () => {
    const minimal: HealthDocument = {
      id: 'doc-bio-7',
      title: 'Bilan sanguin',
      kind: 'lab-result',
      date: '2026-01-10T07:00:00Z',
      tags: [],
      favourite: false,
      hiddenFromProfessionals: false,
      contentType: 'application/pdf',
      version: '1',
    };
    const r = healthDocumentToDocumentReference(minimal, { patientId: 'p1' });
    expect(r.meta).to.deep.equal({ versionId: '1' });
    expect(r).to.not.have.property('author');
    expect(documentReferenceToHealthDocument(r)).to.deep.equal(minimal);
  });

  it('round-trips FHIR → domain → FHIR keeping every field we own', () => {
    const original = resource();
    const again = healthDocumentToDocumentReference(documentReferenceToHealthDocument(original), {
      patientId: 'pat-parkinson',
    });
    expect(again).to.deep.equal(original);
  });

  it('reads a server resource: unknown LOINC code is other, foreign tags ignored, title from description', () => {
    const doc = documentReferenceToHealthDocument({
      resourceType: 'DocumentReference',
      id: 'x1',
      meta: {
        versionId: '7',
        tag: [
          { system: 'http://example.org/other', code: 'x' },
          { system: USER_TAG_SYSTEM, code: 'rein' },
          { system: USER_TAG_SYSTEM, code: 'rein' },
        ],
      },
      status: 'current',
      type: { coding: [{ system: 'http://loinc.org', code: '34108-1' }] },
      date: '2026-04-01T10:00:00+02:00',
      description: 'Compte rendu de dialyse',
      content: [{ attachment: { contentType: 'image/jpeg' } }],
    });
    expect(doc).to.deep.equal({
      id: 'x1',
      title: 'Compte rendu de dialyse',
      kind: 'other',
      date: '2026-04-01T10:00:00+02:00',
      description: 'Compte rendu de dialyse',
      tags: ['rein'],
      favourite: false,
      hiddenFromProfessionals: false,
      contentType: 'image/jpeg',
      version: '7',
    });
  });

  it('maps every Carnet LOINC code back to its kind', () => {
    const kinds = [
      'prescription',
      'discharge-summary',
      'lab-result',
      'imaging',
      'vaccination',
      'consultation-note',
      'referral-letter',
      'other',
    ] as const;
    for (const kind of kinds) {
      const r = healthDocumentToDocumentReference({ ...ordonnance, kind }, { patientId: 'p1' });
      expect(documentReferenceToHealthDocument(r).kind).to.equal(kind);
    }
  });

  it('leaves out id and meta.versionId for a document not yet stored', () => {
    const r = healthDocumentToDocumentReference(
      { ...ordonnance, id: '', version: '', tags: [], favourite: false },
      { patientId: 'p1' },
    );
    expect(r).to.not.have.property('id');
    expect(r).to.not.have.property('meta');
  });

  describe('malformed resources', () => {
    const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(resource())) as Record<string, unknown>;
    const read = (value: unknown) => () => documentReferenceToHealthDocument(value as DocumentReference);

    it('rejects a missing attachment contentType', () => {
      const r = base();
      delete ((r.content as Record<string, Record<string, unknown>>[])[0]?.attachment as Record<string, unknown>)
        .contentType;
      expectMappingError(read(r), 'DocumentReference.content[0].attachment.contentType');
    });

    it('rejects a missing or unparsable date', () => {
      expectMappingError(read({ ...base(), date: undefined }), 'DocumentReference.date');
      expectMappingError(read({ ...base(), date: '2026-02-30T09:15:00Z' }), 'DocumentReference.date');
      expectMappingError(read({ ...base(), date: 'hier' }), 'DocumentReference.date');
    });

    it('rejects a wrong resourceType, a non-object and a missing id', () => {
      expectMappingError(read({ ...base(), resourceType: 'Binary' }), 'DocumentReference.resourceType');
      expectMappingError(read(null), 'DocumentReference');
      expectMappingError(read({ ...base(), id: undefined }), 'DocumentReference.id');
    });

    it('requires meta.versionId', () => {
      expectMappingError(read({ ...base(), meta: { tag: [] } }), 'DocumentReference.meta.versionId');
      expectMappingError(read({ ...base(), meta: undefined }), 'DocumentReference.meta');
    });

    it('rejects garbage shapes without a TypeError', () => {
      expectMappingError(read({ ...base(), content: 'pdf' }), 'DocumentReference.content');
      expectMappingError(read({ ...base(), content: [] }), 'DocumentReference.content');
      expectMappingError(read({ ...base(), content: [null] }), 'DocumentReference.content[0]');
      expectMappingError(read({ ...base(), author: [{ display: 42 }] }), 'DocumentReference.author[0].display');
      expectMappingError(
        read({ ...base(), meta: { versionId: '1', tag: [{ system: FAVOURITE_SYSTEM, code: 'oui' }] } }),
        'DocumentReference.meta.tag[0].code',
      );
      const sized = base();
      ((sized.content as Record<string, Record<string, unknown>>[])[0]?.attachment as Record<string, unknown>).size =
        -3;
      expectMappingError(read(sized), 'DocumentReference.content[0].attachment.size');
    });

    it('rejects a document with neither title nor description', () => {
      const r = base();
      delete r.description;
      delete ((r.content as Record<string, Record<string, unknown>>[])[0]?.attachment as Record<string, unknown>).title;
      expectMappingError(read(r), 'DocumentReference.content[0].attachment.title');
    });
  });

  it('refuses to write a document whose date is not an instant', () => {
    expectMappingError(
      () => healthDocumentToDocumentReference({ ...ordonnance, date: '2026-02-03' }, { patientId: 'p1' }),
      'HealthDocument.date',
    );
  });

  it('writes and reads « hidden from professionals » as meta.security v3-Confidentiality R', () => {
    const hidden = healthDocumentToDocumentReference(
      { ...ordonnance, hiddenFromProfessionals: true },
      { patientId: 'pat-parkinson' },
    );
    expect(hidden.meta?.security).to.deep.equal([
      { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' },
    ]);
    expect(isHiddenFromProfessionals(hidden)).to.equal(true);
    expect(documentReferenceToHealthDocument(hidden).hiddenFromProfessionals).to.equal(true);
    expect(resource().meta?.security).to.equal(undefined);
    expect(isHiddenFromProfessionals(resource())).to.equal(false);
    // Another confidentiality level is not « hidden » for Carnet; other labels are kept on change.
    const normal = {
      ...resource(),
      meta: { ...resource().meta, security: [{ system: HIDDEN_FROM_PROFESSIONALS_LABEL.system, code: 'N' }] },
    };
    expect(documentReferenceToHealthDocument(normal).hiddenFromProfessionals).to.equal(false);
    const changed = applyDocumentChanges(normal, { hiddenFromProfessionals: true });
    expect(changed.meta?.security?.map((label) => label.code)).to.deep.equal(['N', 'R']);
    expect(
      applyDocumentChanges(changed, { hiddenFromProfessionals: false }).meta?.security?.map((l) => l.code),
    ).to.deep.equal(['N']);
  });
});
