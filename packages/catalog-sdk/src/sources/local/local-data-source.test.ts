import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { NotFoundError, StorageError, ValidationError } from '../../errors/errors.js';
import { createLocalDataSource } from './local-data-source.js';
import { SCHEMA_VERSION } from './database.js';
import type { ReloadProbeMessage } from './test-helpers/reload-probe.js';
import {
  cleanUpDatabases,
  freshSource,
  newDocument,
  newEvent,
  newPlan,
  personaRecord,
  rejectionOf,
  sourceOn,
  uniqueDbName,
} from './test-helpers/fixtures.js';

/** Replaces `indexedDB.open` for one test; returns the undo. */
function stubIndexedDbOpen(replacement: () => never): () => void {
  Object.defineProperty(indexedDB, 'open', { value: replacement, configurable: true, writable: true });
  return () => {
    Reflect.deleteProperty(indexedDB, 'open');
  };
}

/** Next message of the reload probe page. */
function nextProbeMessage(): Promise<ReloadProbeMessage> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent<ReloadProbeMessage>): void => {
      if (event.origin !== location.origin || event.data?.probe !== 'carnet-reload') return;
      window.removeEventListener('message', listener);
      resolve(event.data);
    };
    window.addEventListener('message', listener);
  });
}

describe('LocalDataSource', () => {
  afterEach(cleanUpDatabases);

  it('is a local data source and is empty at first', async () => {
    const source = freshSource();
    expect(source.kind).to.equal('local');
    expect(await source.isEmpty()).to.equal(true);
    await source.agenda.create(newEvent());
    expect(await source.isEmpty()).to.equal(false);
  });

  it('importRecord loads every list, keeping ids, versions and own posts, and sets the pseudonym', async () => {
    const source = freshSource();
    const record = personaRecord();
    await source.importRecord(record);
    expect(await source.documents.get('doc-ordonnance')).to.deep.equal(record.documents[0]);
    expect((await source.agenda.get('evt-neuro')).version).to.equal('2');
    expect(await source.medications.getPlan('plan-levodopa')).to.deep.equal(record.medicationPlans[0]);
    expect((await source.medications.listIntakes({ planId: 'plan-levodopa' })).map((i) => i.id)).to.deep.equal([
      'int-1',
      'int-2',
    ]);
    const posts = await source.forum.listPosts('thr-tremblements');
    expect(posts.items.map((p) => [p.id, p.own])).to.deep.equal([
      ['post-1', undefined],
      ['post-2', true],
    ]);
    expect((await source.forum.getThread('thr-tremblements')).version).to.equal('2');
    expect(await source.forum.getPseudonym()).to.equal('Colibri_42');
    expect(await source.isEmpty()).to.equal(false);
  });

  it("importRecord stores the documents' files given in contents, and only for documents of the record", async () => {
    const source = freshSource();
    const file = new Blob(['%PDF-1.4 demo'], { type: 'application/pdf' });
    const stray = new Blob(['x'], { type: 'application/pdf' });
    await source.importRecord(personaRecord(), {
      contents: new Map([
        ['doc-ordonnance', file],
        ['doc-elsewhere', stray],
      ]),
    });
    expect(await (await source.documents.getContent('doc-ordonnance')).text()).to.equal('%PDF-1.4 demo');
    const missing = await source.documents.getContent('doc-elsewhere').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(missing).to.be.instanceOf(Error);
  });

  it('importRecord keeps what exists unless replace is true, and never changes a chosen pseudonym', async () => {
    const source = freshSource();
    await source.forum.setPseudonym('Mésange');
    await source.importRecord(personaRecord());
    await source.documents.update('doc-irm', { favourite: true }, '1');
    await source.importRecord(personaRecord());
    expect(await source.documents.get('doc-irm')).to.include({ favourite: true, version: '2' });
    await source.importRecord(personaRecord(), { replace: true });
    expect(await source.documents.get('doc-irm')).to.include({ favourite: false, version: '1' });
    expect(await source.forum.getPseudonym()).to.equal('Mésange');
  });

  it('importRecord checks the whole record before writing anything', async () => {
    const source = freshSource();
    const record = personaRecord();
    record.documents[1] = { ...record.documents[1]!, title: ' ' };
    const error = await rejectionOf(source.importRecord(record));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).field).to.equal('documents[1].title');
    expect(await source.isEmpty()).to.equal(true);
    expect(await source.careTeam.list()).to.deep.equal([]);
  });

  it('care team is listed by family name and read by id', async () => {
    const source = freshSource();
    await source.importRecord(personaRecord());
    expect((await source.careTeam.list()).map((m) => m.family)).to.deep.equal(['Bernard', 'Martin']);
    expect((await source.careTeam.get('pro-martin')).specialty).to.equal('Neurologue');
    expect(await rejectionOf(source.careTeam.get('inconnu'))).to.be.instanceOf(NotFoundError);
  });

  it('clear deletes everything, pseudonym and care team included', async () => {
    const source = freshSource();
    await source.importRecord(personaRecord());
    await source.documents.send({ documentId: 'doc-irm', recipientId: 'pro-martin' });
    await source.clear();
    expect(await source.isEmpty()).to.equal(true);
    expect(await source.careTeam.list()).to.deep.equal([]);
    expect(await source.documents.listSendings()).to.deep.equal([]);
    expect(await source.medications.listIntakes()).to.deep.equal([]);
    expect(await source.forum.getPseudonym()).to.equal(undefined);
  });

  it('stores each report with its reason and comment', async () => {
    const dbName = uniqueDbName();
    const source = sourceOn(dbName);
    await source.importRecord(personaRecord());
    await source.forum.reportPost('post-1', 'medical-misinformation', ' Arrêter son traitement est dangereux ');
    source.close();
    const db = await openDB(dbName);
    const reports = await db.getAll('reports');
    db.close();
    expect(reports).to.have.length(1);
    expect(reports[0]).to.include({
      postId: 'post-1',
      reason: 'medical-misinformation',
      comment: 'Arrêter son traitement est dangereux',
    });
  });

  it('data survives closing and opening a brand new data source on the same database', async () => {
    const dbName = uniqueDbName();
    const before = sourceOn(dbName);
    await before.importRecord(personaRecord());
    const document = await before.documents.create(newDocument(), new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    const plan = await before.medications.createPlan(newPlan());
    await before.medications.recordIntake({
      planId: plan.id,
      scheduledAt: '2026-03-02T06:00:00.000Z',
      status: 'taken',
    });
    await before.forum.markRead('thr-tremblements');
    before.close();

    const after = sourceOn(dbName);
    expect(await after.documents.get(document.id)).to.deep.equal(document);
    expect(await (await after.documents.getContent(document.id)).text()).to.equal('%PDF-1.7');
    expect((await after.documents.list()).total).to.equal(4);
    expect(await after.medications.listIntakes({ planId: plan.id })).to.have.length(1);
    expect(await after.forum.getPseudonym()).to.equal('Colibri_42');
    expect((await after.forum.getThread('thr-tremblements')).unread).to.equal(false);
  });

  it('data survives a real reload of a same-origin page', async () => {
    const dbName = uniqueDbName();
    const frame = document.createElement('iframe');
    frame.src = new URL(`./test-helpers/reload-probe.html?db=${encodeURIComponent(dbName)}`, import.meta.url).href;
    try {
      const written = nextProbeMessage();
      document.body.append(frame);
      expect(await written).to.include({ phase: 'written', loads: 1 });
      const read = nextProbeMessage();
      frame.contentWindow!.location.reload();
      const message = await read;
      expect(message).to.include({ phase: 'read', loads: 2, content: 'contenu PDF', pseudonym: 'Colibri_42' });
      expect(message.titles).to.deep.equal(['Compte rendu écrit avant rechargement']);
    } finally {
      frame.remove();
    }
    // The page is gone with its connections; reading from here sees the same record.
    const here = sourceOn(dbName);
    expect((await here.documents.listAll()).map((d) => d.title)).to.deep.equal([
      'Compte rendu écrit avant rechargement',
    ]);
  });

  it('rejects with StorageError when IndexedDB cannot be opened, then recovers', async () => {
    const dbName = uniqueDbName();
    const source = sourceOn(dbName);
    const restore = stubIndexedDbOpen(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    let error: unknown;
    try {
      error = await rejectionOf(source.documents.list());
    } finally {
      restore();
    }
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).messageKey).to.equal('error.storage');
    expect(await source.isEmpty()).to.equal(true);
  });

  it('rejects with StorageError when the stored database is newer than this code', async () => {
    const dbName = uniqueDbName();
    const newer = await openDB(dbName, 99);
    newer.close();
    const error = await rejectionOf(sourceOn(dbName).agenda.list());
    expect(error).to.be.instanceOf(StorageError);
  });

  it('closes its connection when another tab upgrades or deletes the database, then reopens', async () => {
    const dbName = uniqueDbName();
    const source = sourceOn(dbName);
    await source.importRecord(personaRecord());
    let blocked = false;
    await deleteDB(dbName, { blocked: () => (blocked = true) });
    expect(blocked).to.equal(false);
    expect(await source.isEmpty()).to.equal(true);
    await source.agenda.create(newEvent());
    // Another tab of a newer Carnet: a version above ours.
    const upgrade = await openDB(dbName, SCHEMA_VERSION + 1, { blocked: () => (blocked = true) });
    upgrade.close();
    expect(blocked).to.equal(false);
  });

  it('refuses an impossible moderation threshold', () => {
    expect(() => createLocalDataSource({ dbName: uniqueDbName(), moderationThreshold: 0 })).to.throw(ValidationError);
  });
});
