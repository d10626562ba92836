import { expect } from '@open-wc/testing';
import { ConflictError, ValidationError } from '../../errors/errors.js';
import { cleanUpDatabases, freshSource, rejectionOf } from './test-helpers/fixtures.js';

describe('LocalDataSource trackers', () => {
  afterEach(cleanUpDatabases);

  it('keeps glucose values and lists those of a range, oldest first', async () => {
    const source = freshSource();
    await source.trackers.add('glucose', { at: '2026-03-02T18:00:00+01:00', value: 145, unit: 'mg/dL' });
    const morning = await source.trackers.add('glucose', {
      at: '2026-03-02T07:30:00+01:00',
      value: 98,
      unit: 'mg/dL',
      mealContext: 'before-meal',
    });
    await source.trackers.add('glucose', { at: '2026-03-05T07:30:00+01:00', value: 6.1, unit: 'mmol/L' });
    expect(morning).to.include({ at: '2026-03-02T06:30:00.000Z', origin: 'entered', version: '1' });
    const day = await source.trackers.list('glucose', { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' });
    expect(day.map((reading) => reading.value)).to.deep.equal([98, 145]);
    source.close();
  });

  it('refuses a value no meter shows and a meal context it does not know', async () => {
    const source = freshSource();
    const tooHigh = await rejectionOf(
      source.trackers.add('glucose', { at: '2026-03-02T07:00:00Z', value: 1200, unit: 'mg/dL' }),
    );
    expect(tooHigh).to.be.instanceOf(ValidationError).and.to.include({ field: 'value' });
    const meal = await rejectionOf(
      source.trackers.add('glucose', {
        at: '2026-03-02T07:00:00Z',
        value: 100,
        unit: 'mg/dL',
        mealContext: 'lunch' as 'bedtime',
      }),
    );
    expect(meal).to.be.instanceOf(ValidationError).and.to.include({ field: 'mealContext' });
    source.close();
  });

  it('imports only what is not already on record (same minute, same value)', async () => {
    const source = freshSource();
    await source.trackers.add('glucose', { at: '2026-03-02T07:30:00Z', value: 98, unit: 'mg/dL' });
    const outcome = await source.trackers.import('glucose', [
      { at: '2026-03-02T07:30:20Z', value: 98, unit: 'mg/dL' },
      { at: '2026-03-02T12:00:00Z', value: 160, unit: 'mg/dL' },
      { at: '2026-03-02T12:00:00Z', value: 160, unit: 'mg/dL' },
      { at: '2026-03-02T19:00:00Z', value: 7, unit: 'mmol/L' },
    ]);
    expect(outcome.skipped).to.equal(2);
    expect(outcome.added.map((reading) => [reading.value, reading.origin])).to.deep.equal([
      [160, 'imported'],
      [7, 'imported'],
    ]);
    const all = await source.trackers.list('glucose', { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' });
    expect(all).to.have.length(3);
    source.close();
  });

  it('removes a value named by its version, and refuses a stale one', async () => {
    const source = freshSource();
    const reading = await source.trackers.add('glucose', { at: '2026-03-02T07:30:00Z', value: 98, unit: 'mg/dL' });
    expect(await rejectionOf(source.trackers.remove('glucose', reading.id, '7'))).to.be.instanceOf(ConflictError);
    await source.trackers.remove('glucose', reading.id, reading.version);
    const left = await source.trackers.list('glucose', { from: '2026-03-01T00:00:00Z', to: '2026-03-03T00:00:00Z' });
    expect(left).to.deep.equal([]);
    source.close();
  });

  it('keeps a motor diary: a slot is added, its state changed, then cleared', async () => {
    const source = freshSource();
    const slot = await source.trackers.add('motorState', { at: '2026-03-04T08:00:00+01:00', state: 'off' });
    expect(slot).to.include({ at: '2026-03-04T07:00:00.000Z', end: '2026-03-04T07:30:00.000Z', version: '1' });
    const changed = await source.trackers.update('motorState', { ...slot, state: 'on' });
    expect(changed).to.include({ id: slot.id, state: 'on', version: '2' });
    const stale = await rejectionOf(source.trackers.update('motorState', { ...slot, state: 'asleep' }));
    expect(stale).to.be.instanceOf(ConflictError);
    const day = { from: '2026-03-04T00:00:00Z', to: '2026-03-05T00:00:00Z' };
    expect((await source.trackers.list('motorState', day)).map((entry) => entry.state)).to.deep.equal(['on']);
    const wrong = await rejectionOf(
      source.trackers.add('motorState', { at: '2026-03-04T09:00:00Z', end: '2026-03-04T10:00:00Z', state: 'off' }),
    );
    expect(wrong).to.be.instanceOf(ValidationError).and.to.include({ field: 'end' });
    await source.trackers.remove('motorState', changed.id, changed.version);
    expect(await source.trackers.list('motorState', day)).to.deep.equal([]);
    source.close();
  });
});
