import { expect } from '@open-wc/testing';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/errors.js';
import { cleanUpDatabases, freshSource, newEvent, rejectionOf } from './test-helpers/fixtures.js';

describe('LocalDataSource agenda', () => {
  afterEach(cleanUpDatabases);

  it('creates an event with defaults (Europe/Paris, empty lists, version 1) and reads it back', async () => {
    const source = freshSource();
    const created = await source.agenda.create(newEvent());
    expect(created).to.include({ title: 'Consultation de néphrologie', timeZone: 'Europe/Paris', version: '1' });
    expect(created.exdates).to.deep.equal([]);
    expect(created.overrides).to.deep.equal([]);
    expect(created.reminders).to.deep.equal([{ minutesBefore: 1440 }]);
    expect(await source.agenda.get(created.id)).to.deep.equal(created);
  });

  it('lists events by start time', async () => {
    const source = freshSource();
    await source.agenda.create(newEvent({ title: 'Dialyse', start: '2026-04-20T08:00', end: '2026-04-20T12:00' }));
    await source.agenda.create(
      newEvent({ title: 'Prise de sang', kind: 'exam', start: '2026-04-03T07:30', end: '2026-04-03T07:45' }),
    );
    await source.agenda.create(newEvent());
    const titles = (await source.agenda.list()).map((event) => event.title);
    expect(titles).to.deep.equal(['Prise de sang', 'Consultation de néphrologie', 'Dialyse']);
  });

  it('updates an event and increments its version', async () => {
    const source = freshSource();
    const created = await source.agenda.create(newEvent());
    const updated = await source.agenda.update({
      ...created,
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      exdates: ['2026-04-17T09:30'],
      notes: 'Apporter le carnet de dialyse',
    });
    expect(updated.version).to.equal('2');
    expect(updated.rrule).to.equal('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    expect(await source.agenda.get(created.id)).to.deep.equal(updated);
  });

  it('rejects a stale update with ConflictError', async () => {
    const source = freshSource();
    const created = await source.agenda.create(newEvent());
    await source.agenda.update({ ...created, location: 'Salle 12' });
    const error = await rejectionOf(source.agenda.update({ ...created, location: 'Salle 14' }));
    expect(error).to.be.instanceOf(ConflictError);
    expect(error).to.include({ entity: 'AgendaEvent', expectedVersion: '1', currentVersion: '2' });
    expect((await source.agenda.get(created.id)).location).to.equal('Salle 12');
  });

  it('deletes only with the current version', async () => {
    const source = freshSource();
    const created = await source.agenda.create(newEvent());
    const updated = await source.agenda.update({ ...created, notes: 'À jeun' });
    expect(await rejectionOf(source.agenda.delete(created.id, '1'))).to.be.instanceOf(ConflictError);
    expect((await source.agenda.list()).length).to.equal(1);
    await source.agenda.delete(created.id, updated.version);
    expect(await rejectionOf(source.agenda.get(created.id))).to.be.instanceOf(NotFoundError);
    expect(await rejectionOf(source.agenda.delete(created.id, updated.version))).to.be.instanceOf(NotFoundError);
  });

  it('rejects invalid events with ValidationError naming the field', async () => {
    const source = freshSource();
    const cases: [Parameters<typeof newEvent>[0], string][] = [
      [{ title: '' }, 'title'],
      [{ start: '2026-04-14 09:30' }, 'start'],
      [{ end: '2026-04-14T09:00' }, 'end'],
      [{ timeZone: 'Europe/Atlantide' }, 'timeZone'],
      [{ rrule: 'RRULE:FREQ=DAILY' }, 'rrule'],
      [{ reminders: [{ minutesBefore: -5 }] }, 'reminders[0].minutesBefore'],
    ];
    for (const [overrides, field] of cases) {
      const error = await rejectionOf(source.agenda.create(newEvent(overrides)));
      expect(error, field).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).field).to.equal(field);
    }
    expect(await source.agenda.list()).to.deep.equal([]);
  });
});
