// The FHIR data source's documents and care team against the REAL demo FHIR
// server, as a patient signed in through the real OpenID provider.
import { expect } from '@open-wc/testing';
import type { CarnetSession } from '../../auth/carnet-session.js';
import { signedInSession, testPlatform } from '../../auth/test-helpers/platform.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/errors.js';
import { FhirError } from '../../fhir/fhir-error.js';
import type { DataSource } from '../data-source.js';
import { createFhirDataSource } from './fhir-data-source.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createFhirDataSource: documents and care team (real FHIR server)', function () {
  this.timeout(60_000);
  let session: CarnetSession;
  let source: DataSource;
  let fhirBaseUrl: string;

  before(async () => {
    ({ fhirBaseUrl } = await testPlatform());
    session = await signedInSession('parkinson');
    source = createFhirDataSource({ baseUrl: fhirBaseUrl, session });
  });

  after(() => session.dispose());

  it('is a fhir data source', () => {
    expect(source.kind).to.equal('fhir');
  });

  it('pages the documents, most recent first, with the server next link as cursor', async () => {
    const first = await source.documents.list({ limit: 7 });
    expect(first.items).to.have.length(7);
    expect(first.total).to.be.greaterThan(7);
    expect(first.nextCursor).to.be.a('string');
    expect(new URL(first.nextCursor ?? '').origin).to.equal(new URL(fhirBaseUrl).origin);
    const second = await source.documents.list({ limit: 7, cursor: first.nextCursor });
    const firstIds = first.items.map((d) => d.id);
    expect(second.items.some((d) => firstIds.includes(d.id))).to.equal(false);
    const dates = [...first.items, ...second.items].map((d) => Date.parse(d.date));
    expect(dates).to.deep.equal([...dates].sort((a, b) => b - a));
  });

  it('lists every document across pages, each once', async () => {
    const all = await source.documents.listAll();
    const { total } = await source.documents.list({ limit: 1 });
    expect(all).to.have.length(total);
    expect(new Set(all.map((d) => d.id)).size).to.equal(all.length);
    expect(all.every((d) => d.version !== '')).to.equal(true);
  });

  it('reads one document, and NotFoundError for an unknown id', async () => {
    const [listed] = (await source.documents.list({ limit: 1 })).items;
    const doc = await source.documents.get(listed?.id ?? '');
    expect(doc).to.deep.equal(listed);
    const error = await rejection(source.documents.get('no-such-document'));
    expect(error).to.be.instanceOf(NotFoundError);
  });

  it('changes tags and favourite with If-Match, and keeps them on the server', async () => {
    const [doc] = (await source.documents.list({ limit: 1 })).items;
    if (!doc) throw new Error('no document seeded');
    const updated = await source.documents.update(
      doc.id,
      { tags: ['suivi', 'neurologie'], favourite: !doc.favourite },
      doc.version,
    );
    expect(updated.tags).to.deep.equal(['suivi', 'neurologie']);
    expect(updated.favourite).to.equal(!doc.favourite);
    expect(updated.version).not.to.equal(doc.version);
    const reread = await source.documents.get(doc.id);
    expect(reread.tags).to.deep.equal(['suivi', 'neurologie']);
    expect(reread.favourite).to.equal(!doc.favourite);
    expect(reread.title).to.equal(doc.title);
  });

  it('hides a document from professionals on the server (meta.security R), refuses to send it, and shows it again', async () => {
    const [, , doc] = (await source.documents.list({ limit: 3 })).items;
    const [member] = await source.careTeam.list();
    if (!doc || !member) throw new Error('nothing seeded');
    expect(doc.hiddenFromProfessionals).to.equal(false);
    const hidden = await source.documents.update(doc.id, { hiddenFromProfessionals: true }, doc.version);
    expect(hidden.hiddenFromProfessionals).to.equal(true);
    expect(hidden.tags).to.deep.equal(doc.tags);
    expect((await source.documents.get(doc.id)).hiddenFromProfessionals).to.equal(true);
    const refused = await rejection(source.documents.send({ documentId: doc.id, recipientId: member.id }));
    expect(refused).to.be.instanceOf(ValidationError);
    const shown = await source.documents.update(doc.id, { hiddenFromProfessionals: false }, hidden.version);
    expect(shown.hiddenFromProfessionals).to.equal(false);
    expect((await source.documents.get(doc.id)).hiddenFromProfessionals).to.equal(false);
  });

  it('rejects an update based on a stale version with ConflictError, changing nothing', async () => {
    const [doc] = (await source.documents.list({ limit: 1 })).items;
    if (!doc) throw new Error('no document seeded');
    const fresh = await source.documents.update(doc.id, { tags: ['première'] }, doc.version);
    const error = (await rejection(
      source.documents.update(doc.id, { tags: ['écrasée'] }, doc.version),
    )) as ConflictError;
    expect(error).to.be.instanceOf(ConflictError);
    expect(error.expectedVersion).to.equal(doc.version);
    expect((await source.documents.get(doc.id)).tags).to.deep.equal(fresh.tags);
  });

  it('renames a document', async () => {
    const [, doc] = (await source.documents.list({ limit: 2 })).items;
    if (!doc) throw new Error('no document seeded');
    const renamed = await source.documents.update(doc.id, { title: 'Compte rendu renommé' }, doc.version);
    expect(renamed.title).to.equal('Compte rendu renommé');
    expect(renamed.kind).to.equal(doc.kind);
  });

  it("downloads a document's attachment as a Blob of its content type", async () => {
    const docs = await source.documents.listAll();
    const withContent = docs.find((d) => d.url !== undefined);
    if (!withContent) throw new Error('no document with an attachment');
    const blob = await source.documents.getContent(withContent.id);
    expect(blob.size).to.be.greaterThan(0);
    expect(blob.type).to.equal(withContent.contentType);
  });

  it('lists the care team (the practitioners the server lets this patient see)', async () => {
    const team = await source.careTeam.list();
    expect(team.length).to.be.greaterThan(0);
    expect(team.every((m) => m.family !== '' && m.name !== '')).to.equal(true);
    const one = await source.careTeam.get(team[0]?.id ?? '');
    expect(one.id).to.equal(team[0]?.id);
  });

  it('sends a document to a care team member and lists the sending', async () => {
    const [doc] = (await source.documents.list({ limit: 1 })).items;
    const [member] = await source.careTeam.list();
    if (!doc || !member) throw new Error('nothing seeded');
    const sending = await source.documents.send({
      documentId: doc.id,
      recipientId: member.id,
      message: 'Pour notre rendez-vous',
    });
    expect(sending.documentId).to.equal(doc.id);
    expect(sending.recipientId).to.equal(member.id);
    expect(sending.status).to.equal('completed');
    const sendings = await source.documents.listSendings(doc.id);
    expect(sendings.map((s) => s.id)).to.include(sending.id);
    expect(sendings.every((s) => s.documentId === doc.id)).to.equal(true);
  });

  it("cannot read another patient's document: the server answers as for a missing one", async () => {
    const other = await signedInSession('kidney');
    const theirs = createFhirDataSource({ baseUrl: fhirBaseUrl, session: other });
    const [foreign] = (await theirs.documents.list({ limit: 1 })).items;
    other.dispose();
    const error = await rejection(source.documents.get(foreign?.id ?? ''));
    expect(error).to.be.instanceOf(NotFoundError);
    const missing = await rejection(source.documents.get('doc-that-does-not-exist'));
    expect(missing).to.be.instanceOf(NotFoundError);
    expect((missing as Error).message.replace('doc-that-does-not-exist', foreign?.id ?? '')).to.equal(
      (error as Error).message,
    );
  });

  it('reports a FHIR server that is down as FhirError network', async () => {
    const down = createFhirDataSource({ baseUrl: 'http://127.0.0.1:9/fhir', session });
    const error = (await rejection(down.documents.list())) as FhirError;
    expect(error).to.be.instanceOf(FhirError);
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(0);
  });

  it('rejects with AuthError login_required once signed out', async () => {
    const leaving = await signedInSession('diabetes');
    const theirs = createFhirDataSource({ baseUrl: fhirBaseUrl, session: leaving });
    await leaving.signOut();
    const error = (await rejection(theirs.documents.list())) as { name: string; code: string };
    expect(error.name).to.equal('AuthError');
    expect(error.code).to.equal('login_required');
  });
});
