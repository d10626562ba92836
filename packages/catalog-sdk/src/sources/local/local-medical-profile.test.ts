import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { ConflictError, ValidationError } from '../../errors/errors.js';
import {
  cleanUpDatabases,
  freshSource,
  newEvent,
  rejectionOf,
  sourceOn,
  uniqueDbName,
} from './test-helpers/fixtures.js';

const penicillin = {
  substance: 'Pénicilline',
  type: 'allergy',
  category: 'medication',
  severity: 'high',
  reaction: 'Œdème de Quincke',
} as const;

describe('LocalDataSource medical profile', () => {
  afterEach(cleanUpDatabases);

  it('keeps allergies, contacts, conditions, vaccinations and one blood group, serious allergies first', async () => {
    const dbName = uniqueDbName();
    const source = sourceOn(dbName);
    await source.medicalProfile.add('allergy', {
      substance: 'Lactose',
      type: 'intolerance',
      category: 'food',
      severity: 'low',
    });
    const allergy = await source.medicalProfile.add('allergy', penicillin);
    expect(allergy).to.include({ substance: 'Pénicilline', version: '1' });
    await source.medicalProfile.add('contact', {
      name: 'Claire Martin',
      relationship: 'Fille',
      phone: '06 12 34 56 78',
    });
    await source.medicalProfile.add('condition', { name: 'Insuffisance rénale chronique', since: '2019-03-01' });
    await source.medicalProfile.add('vaccination', { vaccine: 'Grippe saisonnière', date: '2025-10-14' });
    await source.medicalProfile.add('bloodGroup', { group: 'A+' });
    await source.medicalProfile.add('bloodGroup', { group: 'O-' });

    source.close();
    const again = sourceOn(dbName);
    const profile = await again.medicalProfile.get();
    expect(profile.allergies.map((entry) => entry.substance)).to.deep.equal(['Pénicilline', 'Lactose']);
    expect(profile.contacts).to.have.length(1);
    expect(profile.contacts[0]).to.include({ name: 'Claire Martin', relationship: 'Fille' });
    expect(profile.conditions[0]).to.include({ since: '2019-03-01' });
    expect(profile.vaccinations[0]).to.include({ vaccine: 'Grippe saisonnière' });
    expect(profile.bloodGroup?.group).to.equal('O-');
  });

  it('refuses an entry without its essentials, naming the field', async () => {
    const source = freshSource();
    const error = await rejectionOf(source.medicalProfile.add('allergy', { ...penicillin, substance: '  ' }));
    expect(error).to.be.instanceOf(ValidationError);
    expect(error).to.include({ field: 'substance' });
    const phone = await rejectionOf(
      source.medicalProfile.add('contact', { name: 'Claire', relationship: 'Fille', phone: 'demain' }),
    );
    expect(phone).to.include({ field: 'phone' });
    expect((await source.medicalProfile.get()).allergies).to.deep.equal([]);
  });

  it('updates and removes only with the current version', async () => {
    const source = freshSource();
    const allergy = await source.medicalProfile.add('allergy', penicillin);
    const updated = await source.medicalProfile.update('allergy', { ...allergy, reaction: 'Urticaire' });
    expect(updated.version).to.equal('2');
    expect(await rejectionOf(source.medicalProfile.update('allergy', { ...allergy, reaction: 'x' }))).to.be.instanceOf(
      ConflictError,
    );
    expect(await rejectionOf(source.medicalProfile.remove('allergy', allergy.id, '1'))).to.be.instanceOf(ConflictError);
    await source.medicalProfile.remove('allergy', allergy.id, updated.version);
    expect((await source.medicalProfile.get()).allergies).to.deep.equal([]);
  });

  it('upgrades a version 1 record to the medical profile and the trackers and keeps every existing entry', async () => {
    const dbName = uniqueDbName();
    // A record written by the previous release: schema version 1, one agenda event.
    const old = await openDB(dbName, 1, {
      upgrade(db) {
        const documents = db.createObjectStore('documents', { keyPath: 'id' });
        documents.createIndex('by-date', ['date', 'id']);
        db.createObjectStore('contents');
        db.createObjectStore('sendings', { keyPath: 'id' }).createIndex('by-document', 'documentId');
        db.createObjectStore('careTeam', { keyPath: 'id' });
        db.createObjectStore('events', { keyPath: 'id' });
        db.createObjectStore('plans', { keyPath: 'id' });
        const intakes = db.createObjectStore('intakes', { keyPath: 'id' });
        intakes.createIndex('by-plan-scheduled', ['planId', 'scheduledAt'], { unique: true });
        intakes.createIndex('by-scheduled', 'scheduledAt');
        db.createObjectStore('threads', { keyPath: 'id' }).createIndex('by-community-activity', [
          'community',
          'lastActivityAt',
          'id',
        ]);
        db.createObjectStore('posts', { keyPath: 'id' }).createIndex('by-thread-created', [
          'threadId',
          'createdAt',
          'id',
        ]);
        db.createObjectStore('reports', { keyPath: 'id' }).createIndex('by-post', 'postId');
        db.createObjectStore('reads', { keyPath: 'threadId' });
        db.createObjectStore('settings', { keyPath: 'key' });
      },
    });
    const event = {
      ...newEvent(),
      id: 'kept-event',
      version: '3',
      exdates: [],
      overrides: [],
      timeZone: 'Europe/Paris',
    };
    await old.put('events', event);
    await old.put('settings', { key: 'pseudonym', value: 'Rein-Vaillant' });
    old.close();

    const source = sourceOn(dbName);
    expect(await source.agenda.get('kept-event')).to.deep.equal(event);
    await source.medicalProfile.add('allergy', penicillin);
    expect((await source.medicalProfile.get()).allergies).to.have.length(1);
    source.close();

    const check = await openDB(dbName);
    // Every later version upgrades the same way (3 adds the trackers' store).
    expect(check.version).to.equal(3);
    expect([...check.objectStoreNames]).to.include.members(['profile', 'measurements']);
    expect(await check.get('settings', 'pseudonym')).to.deep.equal({ key: 'pseudonym', value: 'Rein-Vaillant' });
    expect(await check.count('events')).to.equal(1);
    check.close();
  });
});
