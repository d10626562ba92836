import { expect } from '@open-wc/testing';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/errors.js';
import {
  cleanUpDatabases,
  freshSource,
  newDocument,
  personaRecord,
  rejectionOf,
  tickingClock,
} from './test-helpers/fixtures.js';

describe('LocalDataSource documents', () => {
  afterEach(cleanUpDatabases);

  it('creates a document with version 1, default tags and favourite, and reads it back', async () => {
    const source = freshSource();
    const created = await source.documents.create(newDocument({ tags: ['  Parkinson ', 'parkinson', 'Neurologie'] }));
    expect(created.id).to.match(/^[0-9a-f-]{36}$/);
    expect(created.version).to.equal('1');
    expect(created.favourite).to.equal(false);
    expect(created.tags).to.deep.equal(['Parkinson', 'Neurologie']);
    expect(await source.documents.get(created.id)).to.deep.equal(created);
  });

  it('stores the attachment apart and fills the size from the blob', async () => {
    const source = freshSource();
    const pdf = new Blob(['%PDF-1.4 ordonnance'], { type: 'application/pdf' });
    const created = await source.documents.create(newDocument(), pdf);
    expect(created.size).to.equal(pdf.size);
    const content = await source.documents.getContent(created.id);
    expect(await content.text()).to.equal('%PDF-1.4 ordonnance');
    expect(content.type).to.equal('application/pdf');
  });

  it('getContent rejects with NotFoundError when there is no attachment or no document', async () => {
    const source = freshSource();
    const created = await source.documents.create(newDocument());
    const noContent = await rejectionOf(source.documents.getContent(created.id));
    expect(noContent).to.be.instanceOf(NotFoundError);
    expect((noContent as NotFoundError).entity).to.equal('DocumentContent');
    const noDocument = await rejectionOf(source.documents.getContent('inconnu'));
    expect((noDocument as NotFoundError).entity).to.equal('HealthDocument');
  });

  it('get rejects with NotFoundError for an unknown id', async () => {
    const error = await rejectionOf(freshSource().documents.get('inconnu'));
    expect(error).to.be.instanceOf(NotFoundError);
  });

  it('stores dates as UTC instants whatever the offset given', async () => {
    const created = await freshSource().documents.create(newDocument({ date: '2026-03-29T10:00:00+02:00' }));
    expect(created.date).to.equal('2026-03-29T08:00:00.000Z');
  });

  it('rejects an empty title, a bad date, an unknown kind and a blank tag with ValidationError', async () => {
    const source = freshSource();
    const cases: [Parameters<typeof newDocument>[0], string][] = [
      [{ title: '   ' }, 'title'],
      [{ date: '29/03/2026' }, 'date'],
      [{ date: '2026-02-30T10:00:00Z' }, 'date'],
      [{ kind: 'horoscope' as never }, 'kind'],
      [{ tags: ['diabète', '  '] }, 'tags'],
    ];
    for (const [overrides, field] of cases) {
      const error = await rejectionOf(source.documents.create(newDocument(overrides)));
      expect(error, field).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).field).to.equal(field);
    }
    expect(await source.isEmpty()).to.equal(true);
  });

  it('updates tags (trimmed, de-duplicated ignoring case, order kept), favourite and title', async () => {
    const source = freshSource();
    const created = await source.documents.create(newDocument());
    const updated = await source.documents.update(
      created.id,
      { tags: [' Rein ', 'Dialyse', 'rein', 'DIALYSE', 'Greffe'], favourite: true, title: ' Ordonnance renouvelée ' },
      created.version,
    );
    expect(updated.tags).to.deep.equal(['Rein', 'Dialyse', 'Greffe']);
    expect(updated.favourite).to.equal(true);
    expect(updated.title).to.equal('Ordonnance renouvelée');
    expect(updated.version).to.equal('2');
    expect(updated.author).to.equal('Dr Claire Martin');
    expect(await source.documents.get(created.id)).to.deep.equal(updated);
  });

  it('rejects a stale update with ConflictError and keeps the newer version', async () => {
    const source = freshSource();
    const created = await source.documents.create(newDocument());
    await source.documents.update(created.id, { favourite: true }, '1');
    const error = await rejectionOf(source.documents.update(created.id, { title: 'Autre titre' }, '1'));
    expect(error).to.be.instanceOf(ConflictError);
    expect(error).to.include({ entity: 'HealthDocument', id: created.id, expectedVersion: '1', currentVersion: '2' });
    const stored = await source.documents.get(created.id);
    expect(stored.title).to.equal('Ordonnance du Dr Martin');
    expect(stored.favourite).to.equal(true);
  });

  it('update of an unknown document rejects with NotFoundError; a blank tag with ValidationError', async () => {
    const source = freshSource();
    expect(await rejectionOf(source.documents.update('inconnu', { favourite: true }, '1'))).to.be.instanceOf(
      NotFoundError,
    );
    const created = await source.documents.create(newDocument());
    const error = await rejectionOf(source.documents.update(created.id, { tags: [' '] }, '1'));
    expect(error).to.be.instanceOf(ValidationError);
    expect((await source.documents.get(created.id)).version).to.equal('1');
  });

  it('pages by date, most recent first, with a correct total and no cursor on the last page', async () => {
    const source = freshSource();
    const dates = ['2026-01-10', '2026-03-05', '2025-12-24', '2026-02-14', '2026-01-31'];
    for (const [index, date] of dates.entries()) {
      await source.documents.create(newDocument({ title: `Compte rendu ${index}`, date: `${date}T09:00:00.000Z` }));
    }
    const first = await source.documents.list({ limit: 2 });
    const second = await source.documents.list({ limit: 2, cursor: first.nextCursor });
    const third = await source.documents.list({ limit: 2, cursor: second.nextCursor });
    expect([first.total, second.total, third.total]).to.deep.equal([5, 5, 5]);
    expect(first.nextCursor).to.be.a('string');
    expect(second.nextCursor).to.be.a('string');
    expect(third.nextCursor).to.equal(undefined);
    const seen = [...first.items, ...second.items, ...third.items].map((d) => d.date.slice(0, 10));
    expect(seen).to.deep.equal(['2026-03-05', '2026-02-14', '2026-01-31', '2026-01-10', '2025-12-24']);
  });

  it('orders documents of the same date by id and neither skips nor repeats across pages', async () => {
    const source = freshSource();
    await source.importRecord({
      ...personaRecord(),
      documents: ['a', 'c', 'b', 'd'].map((id) => ({ ...personaRecord().documents[0]!, id: `doc-${id}` })),
    });
    const first = await source.documents.list({ limit: 3 });
    const rest = await source.documents.list({ limit: 3, cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((d) => d.id)).to.deep.equal(['doc-d', 'doc-c', 'doc-b', 'doc-a']);
    expect(rest.nextCursor).to.equal(undefined);
  });

  it('rejects a forged cursor and an impossible limit with ValidationError', async () => {
    const source = freshSource();
    expect(await rejectionOf(source.documents.list({ cursor: 'pas-un-curseur' }))).to.be.instanceOf(ValidationError);
    expect(await rejectionOf(source.documents.list({ limit: 0 }))).to.be.instanceOf(ValidationError);
  });

  it('listAll returns every document, most recent first', async () => {
    const source = freshSource();
    await source.importRecord(personaRecord());
    const all = await source.documents.listAll();
    expect(all.map((d) => d.id)).to.deep.equal(['doc-ordonnance', 'doc-bilan', 'doc-irm']);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(freshSource().documents.list({ signal: controller.signal }));
    expect((error as Error).name).to.equal('AbortError');
  });

  it('send records a completed sending; listSendings is newest first and filters by document', async () => {
    const source = freshSource({ now: tickingClock() });
    await source.importRecord(personaRecord());
    const first = await source.documents.send({
      documentId: 'doc-irm',
      recipientId: 'pro-martin',
      message: ' Pour la consultation ',
    });
    const second = await source.documents.send({ documentId: 'doc-bilan', recipientId: 'pro-bernard' });
    expect(first).to.include({
      documentId: 'doc-irm',
      recipientId: 'pro-martin',
      status: 'completed',
      message: 'Pour la consultation',
    });
    expect(first.sentAt).to.equal('2026-03-02T08:00:00.000Z');
    expect((await source.documents.listSendings()).map((s) => s.id)).to.deep.equal([second.id, first.id]);
    expect(await source.documents.listSendings('doc-irm')).to.deep.equal([first]);
  });

  it('send rejects with NotFoundError for an unknown document or recipient and records nothing', async () => {
    const source = freshSource();
    await source.importRecord(personaRecord());
    const noRecipient = await rejectionOf(source.documents.send({ documentId: 'doc-irm', recipientId: 'inconnu' }));
    expect(noRecipient).to.be.instanceOf(NotFoundError);
    expect((noRecipient as NotFoundError).entity).to.equal('CareTeamMember');
    const noDocument = await rejectionOf(source.documents.send({ documentId: 'inconnu', recipientId: 'pro-martin' }));
    expect((noDocument as NotFoundError).entity).to.equal('HealthDocument');
    expect(await source.documents.listSendings()).to.deep.equal([]);
  });

  it('keeps the hidden-from-professionals flag (false by default), changes it, and never sends a hidden document', async () => {
    const source = freshSource();
    await source.importRecord(personaRecord());
    const created = await source.documents.create(newDocument());
    expect(created.hiddenFromProfessionals).to.equal(false);
    const hidden = await source.documents.update('doc-irm', { hiddenFromProfessionals: true }, '1');
    expect(hidden.hiddenFromProfessionals).to.equal(true);
    expect((await source.documents.get('doc-irm')).hiddenFromProfessionals).to.equal(true);
    expect((await source.documents.listAll()).find((d) => d.id === 'doc-irm')?.hiddenFromProfessionals).to.equal(true);
    const refused = await rejectionOf(source.documents.send({ documentId: 'doc-irm', recipientId: 'pro-martin' }));
    expect(refused).to.be.instanceOf(ValidationError);
    expect((refused as ValidationError).field).to.equal('documentId');
    expect(await source.documents.listSendings('doc-irm')).to.deep.equal([]);
    const shown = await source.documents.update('doc-irm', { hiddenFromProfessionals: false }, hidden.version);
    expect(shown.hiddenFromProfessionals).to.equal(false);
    expect((await source.documents.send({ documentId: 'doc-irm', recipientId: 'pro-martin' })).status).to.equal(
      'completed',
    );
    const bad = await rejectionOf(
      source.documents.update('doc-irm', { hiddenFromProfessionals: 'yes' as unknown as boolean }, shown.version),
    );
    expect(bad).to.be.instanceOf(ValidationError);
  });
});
