import { expect } from '@open-wc/testing';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/errors.js';
import type { NewIntakeRecord } from '../../model/medication.js';
import { cleanUpDatabases, freshSource, newPlan, rejectionOf } from './test-helpers/fixtures.js';

function intake(planId: string, scheduledAt: string, overrides: Partial<NewIntakeRecord> = {}): NewIntakeRecord {
  return { planId, scheduledAt, status: 'taken', takenAt: scheduledAt, ...overrides };
}

describe('LocalDataSource medications', () => {
  afterEach(cleanUpDatabases);

  it('creates, lists, reads and updates plans with versions', async () => {
    const source = freshSource();
    const levodopa = await source.medications.createPlan(newPlan());
    const metformine = await source.medications.createPlan(
      newPlan({
        medication: { display: 'Metformine 850 mg, comprimé' },
        slots: [{ period: 'morning' }, { period: 'evening' }],
        start: '2025-06-01',
      }),
    );
    expect(levodopa).to.include({ version: '1', timeZone: 'Europe/Paris' });
    expect((await source.medications.listPlans()).map((p) => p.id)).to.deep.equal([metformine.id, levodopa.id]);
    const updated = await source.medications.updatePlan({ ...levodopa, renewalDate: '2026-05-05' });
    expect(updated.version).to.equal('2');
    expect(await source.medications.getPlan(levodopa.id)).to.deep.equal(updated);
    expect(await rejectionOf(source.medications.getPlan('inconnu'))).to.be.instanceOf(NotFoundError);
  });

  it('rejects a stale plan update with ConflictError and invalid plans with ValidationError', async () => {
    const source = freshSource();
    const plan = await source.medications.createPlan(newPlan());
    await source.medications.updatePlan({ ...plan, dose: 2 });
    const conflict = await rejectionOf(source.medications.updatePlan({ ...plan, dose: 3 }));
    expect(conflict).to.include({ entity: 'MedicationPlan', expectedVersion: '1', currentVersion: '2' });
    expect(conflict).to.be.instanceOf(ConflictError);
    const badEnd = await rejectionOf(source.medications.createPlan(newPlan({ end: '2025-12-31' })));
    expect((badEnd as ValidationError).field).to.equal('end');
    const badSlot = await rejectionOf(source.medications.createPlan(newPlan({ slots: [{ time: '25:00' }] })));
    expect((badSlot as ValidationError).field).to.equal('slots[0].time');
    const noSlot = await rejectionOf(source.medications.createPlan(newPlan({ slots: [] })));
    expect((noSlot as ValidationError).field).to.equal('slots');
  });

  it('recordIntake is idempotent: the same dose twice gives back the first record', async () => {
    const source = freshSource();
    const plan = await source.medications.createPlan(newPlan());
    const first = await source.medications.recordIntake(intake(plan.id, '2026-03-02T06:00:00.000Z'));
    const again = await source.medications.recordIntake(
      intake(plan.id, '2026-03-02T07:00:00+01:00', { status: 'skipped', takenAt: undefined }),
    );
    expect(again).to.deep.equal(first);
    expect(await source.medications.listIntakes({ planId: plan.id })).to.have.length(1);
  });

  it('concurrent recordIntake calls for the same dose create exactly one record', async () => {
    const source = freshSource();
    const plan = await source.medications.createPlan(newPlan());
    const results = await Promise.all(
      Array.from({ length: 5 }, () => source.medications.recordIntake(intake(plan.id, '2026-03-02T10:00:00.000Z'))),
    );
    expect(new Set(results.map((r) => r.id)).size).to.equal(1);
    expect(await source.medications.listIntakes()).to.have.length(1);
  });

  it('recordIntake rejects an unknown plan with NotFoundError', async () => {
    const error = await rejectionOf(
      freshSource().medications.recordIntake(intake('inconnu', '2026-03-02T10:00:00.000Z')),
    );
    expect(error).to.be.instanceOf(NotFoundError);
    expect((error as NotFoundError).entity).to.equal('MedicationPlan');
  });

  it('listIntakes filters by plan and by [from, to) and sorts by scheduled time', async () => {
    const source = freshSource();
    const levodopa = await source.medications.createPlan(newPlan());
    const metformine = await source.medications.createPlan(newPlan({ medication: { display: 'Metformine 850 mg' } }));
    for (const time of ['2026-03-03T10:00', '2026-03-02T06:00', '2026-03-02T14:00', '2026-03-03T06:00']) {
      await source.medications.recordIntake(intake(levodopa.id, `${time}:00.000Z`));
    }
    await source.medications.recordIntake(intake(metformine.id, '2026-03-02T07:00:00.000Z'));
    const all = await source.medications.listIntakes();
    expect(all.map((r) => r.scheduledAt.slice(0, 16))).to.deep.equal([
      '2026-03-02T06:00',
      '2026-03-02T07:00',
      '2026-03-02T14:00',
      '2026-03-03T06:00',
      '2026-03-03T10:00',
    ]);
    const day = await source.medications.listIntakes({
      planId: levodopa.id,
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-03T06:00:00Z',
    });
    expect(day.map((r) => r.scheduledAt.slice(0, 16))).to.deep.equal(['2026-03-02T06:00', '2026-03-02T14:00']);
    const since = await source.medications.listIntakes({ from: '2026-03-02T07:00:00Z' });
    expect(since).to.have.length(4);
    const metformineOnly = await source.medications.listIntakes({ planId: metformine.id });
    expect(metformineOnly.map((r) => r.planId)).to.deep.equal([metformine.id]);
  });

  it('updateIntake changes a record with its version; stale ones are rejected', async () => {
    const source = freshSource();
    const plan = await source.medications.createPlan(newPlan());
    const recorded = await source.medications.recordIntake(intake(plan.id, '2026-03-02T06:00:00.000Z'));
    const updated = await source.medications.updateIntake({ ...recorded, note: 'Dose prise en retard' });
    expect(updated).to.include({ version: '2', note: 'Dose prise en retard' });
    const stale = await rejectionOf(
      source.medications.updateIntake({ ...recorded, status: 'skipped', takenAt: undefined }),
    );
    expect(stale).to.be.instanceOf(ConflictError);
    expect(stale).to.include({ entity: 'IntakeRecord', expectedVersion: '1', currentVersion: '2' });
    const moved = await rejectionOf(
      source.medications.updateIntake({ ...updated, scheduledAt: '2026-03-02T07:00:00.000Z' }),
    );
    expect(moved).to.be.instanceOf(ValidationError);
  });

  it('deleteIntake requires the current version, then the dose can be recorded again', async () => {
    const source = freshSource();
    const plan = await source.medications.createPlan(newPlan());
    const recorded = await source.medications.recordIntake(intake(plan.id, '2026-03-02T06:00:00.000Z'));
    await source.medications.updateIntake({ ...recorded, note: 'Avec le petit-déjeuner' });
    expect(await rejectionOf(source.medications.deleteIntake(recorded.id, '1'))).to.be.instanceOf(ConflictError);
    await source.medications.deleteIntake(recorded.id, '2');
    expect(await source.medications.listIntakes()).to.deep.equal([]);
    const again = await source.medications.recordIntake(
      intake(plan.id, '2026-03-02T06:00:00.000Z', { status: 'skipped', takenAt: undefined }),
    );
    expect(again.id).to.not.equal(recorded.id);
    expect(again.status).to.equal('skipped');
  });
});
