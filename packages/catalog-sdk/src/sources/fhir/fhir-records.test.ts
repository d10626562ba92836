// The FHIR data source's agenda, medications and forum against the REAL demo
// FHIR server, as a patient signed in through the real OpenID provider.
import { expect } from '@open-wc/testing';
import type { CarnetSession } from '../../auth/carnet-session.js';
import { signedInSession, testPlatform } from '../../auth/test-helpers/platform.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/errors.js';
import type { NewAgendaEvent } from '../../model/agenda.js';
import type { DataSource } from '../data-source.js';
import { generatePersona } from '../../demo-data/index.js';
import { createFhirDataSource } from './fhir-data-source.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const consultation: NewAgendaEvent = {
  title: 'Consultation neurologie',
  kind: 'appointment',
  start: '2026-03-29T09:00:00',
  end: '2026-03-29T09:30:00',
  timeZone: 'Europe/Paris',
  rrule: 'FREQ=MONTHLY;COUNT=6',
  reminders: [{ minutesBefore: 1440 }],
  location: 'CHU, bâtiment B',
};

describe('createFhirDataSource: agenda, medications, forum (real FHIR server)', function () {
  this.timeout(60_000);
  let session: CarnetSession;
  let source: DataSource;

  before(async () => {
    const { fhirBaseUrl } = await testPlatform();
    session = await signedInSession('parkinson');
    source = createFhirDataSource({ baseUrl: fhirBaseUrl, session });
  });

  after(() => session.dispose());

  describe('agenda', () => {
    it('lists the seeded appointments as agenda events', async () => {
      const events = await source.agenda.list();
      expect(events.length).to.be.greaterThan(0);
      expect(events.every((e) => e.version !== '' && e.timeZone !== '')).to.equal(true);
    });

    it('creates, reads, updates and deletes an event, wall-clock times and rule intact', async () => {
      const created = await source.agenda.create(consultation);
      expect(created.id).not.to.equal('');
      expect(created.start).to.equal('2026-03-29T09:00:00');
      expect(created.rrule).to.equal('FREQ=MONTHLY;COUNT=6');
      expect(created.reminders).to.deep.equal([{ minutesBefore: 1440 }]);
      expect(await source.agenda.get(created.id)).to.deep.equal(created);
      const moved = await source.agenda.update({
        ...created,
        start: '2026-03-29T10:00:00',
        end: '2026-03-29T10:30:00',
      });
      expect(moved.start).to.equal('2026-03-29T10:00:00');
      expect(moved.version).not.to.equal(created.version);
      await source.agenda.delete(moved.id, moved.version);
      expect(await rejection(source.agenda.get(moved.id))).to.be.instanceOf(NotFoundError);
    });

    it('rejects a stale update and a stale delete with ConflictError', async () => {
      const created = await source.agenda.create({ ...consultation, title: 'Kinésithérapie' });
      const updated = await source.agenda.update({ ...created, notes: 'Apporter les radios' });
      expect(await rejection(source.agenda.update({ ...created, notes: 'autre' }))).to.be.instanceOf(ConflictError);
      expect(await rejection(source.agenda.delete(created.id, created.version))).to.be.instanceOf(ConflictError);
      expect((await source.agenda.get(created.id)).notes).to.equal('Apporter les radios');
      await source.agenda.delete(updated.id, updated.version);
    });
  });

  describe('medications', () => {
    it('lists the seeded medication plans', async () => {
      const plans = await source.medications.listPlans();
      expect(plans.length).to.be.greaterThan(0);
      expect(plans.every((p) => p.slots.length > 0 && p.medication.display !== '')).to.equal(true);
      const plan = await source.medications.getPlan(plans[0]?.id ?? '');
      expect(plan).to.deep.equal(plans[0]);
    });

    it('records an intake once: recording the same dose again returns the same record', async () => {
      const [plan] = await source.medications.listPlans();
      if (!plan) throw new Error('no plan seeded');
      const dose = {
        planId: plan.id,
        scheduledAt: '2026-04-02T05:00:00.000Z',
        status: 'taken' as const,
        takenAt: '2026-04-02T05:10:00.000Z',
      };
      const first = await source.medications.recordIntake(dose);
      const again = await source.medications.recordIntake({ ...dose, scheduledAt: '2026-04-02T07:00:00+02:00' });
      expect(again.id).to.equal(first.id);
      const intakes = await source.medications.listIntakes({
        planId: plan.id,
        from: '2026-04-02T00:00:00Z',
        to: '2026-04-03T00:00:00Z',
      });
      expect(intakes.filter((i) => i.scheduledAt === first.scheduledAt)).to.have.length(1);
    });

    it('updates an intake with If-Match, rejects a stale one, and undoes it', async () => {
      const [plan] = await source.medications.listPlans();
      if (!plan) throw new Error('no plan seeded');
      const recorded = await source.medications.recordIntake({
        planId: plan.id,
        scheduledAt: '2026-04-03T18:00:00.000Z',
        status: 'skipped',
        reason: 'nausée',
      });
      expect(recorded.status).to.equal('skipped');
      const changed = await source.medications.updateIntake({ ...recorded, note: 'reprise le lendemain' });
      expect(changed.note).to.equal('reprise le lendemain');
      expect(await rejection(source.medications.updateIntake({ ...recorded, note: 'stale' }))).to.be.instanceOf(
        ConflictError,
      );
      expect(await rejection(source.medications.deleteIntake(recorded.id, recorded.version))).to.be.instanceOf(
        ConflictError,
      );
      await source.medications.deleteIntake(changed.id, changed.version);
      const left = await source.medications.listIntakes({
        planId: plan.id,
        from: '2026-04-03T00:00:00Z',
        to: '2026-04-04T00:00:00Z',
      });
      expect(left.map((i) => i.id)).not.to.include(recorded.id);
    });

    it('refuses an intake for a plan that does not exist', async () => {
      const error = await rejection(
        source.medications.recordIntake({
          planId: 'no-such-plan',
          scheduledAt: '2026-04-02T05:00:00.000Z',
          status: 'skipped',
        }),
      );
      expect(error).to.be.instanceOf(NotFoundError);
    });
  });

  describe('forum', () => {
    it("knows the patient's pseudonym from the community they joined, never their name", async () => {
      const fresh = createFhirDataSource({ baseUrl: (await testPlatform()).fhirBaseUrl, session });
      const { patient } = generatePersona('parkinson');
      const pseudonym = await fresh.forum.getPseudonym();
      expect(pseudonym).to.equal(patient.pseudonym);
      expect(pseudonym).not.to.contain(patient.family);
      // Other patients' posts are not the patient's to edit.
      const threads = await fresh.forum.listThreads('parkinson', { limit: 50 });
      const posts = (await Promise.all(threads.items.map((t) => fresh.forum.listPosts(t.id)))).flatMap((p) => p.items);
      expect(posts.some((p) => !p.own)).to.equal(true);
      expect(posts.some((p) => p.own)).to.equal(true);
      expect(posts.filter((p) => p.own).every((p) => p.authorPseudonym === patient.pseudonym)).to.equal(true);
    });

    it('opens a thread, replies, edits and reports under the pseudonym only', async () => {
      const chosen = (await source.forum.getPseudonym()) ?? (await source.forum.setPseudonym('Marcheur_du_matin'));
      const thread = await source.forum.createThread('parkinson', {
        title: 'Tremblements le matin',
        body: 'Comment gérez-vous le premier comprimé ?',
      });
      expect(thread.authorPseudonym).to.equal(chosen);
      expect(thread.unread).to.equal(false);
      const threads = await source.forum.listThreads('parkinson', { limit: 50 });
      expect(threads.items.map((t) => t.id)).to.include(thread.id);
      const reply = await source.forum.reply(thread.id, { body: 'Je le prends avant le petit-déjeuner.' });
      expect(reply.own).to.equal(true);
      expect((await source.forum.getThread(thread.id)).replyCount).to.equal(1);
      const posts = await source.forum.listPosts(thread.id);
      expect(posts.items.map((p) => p.body)).to.deep.equal([
        'Comment gérez-vous le premier comprimé ?',
        'Je le prends avant le petit-déjeuner.',
      ]);
      const edited = await source.forum.editPost(reply.id, 'Je le prends 30 minutes avant le repas.', reply.version);
      expect(edited.body).to.equal('Je le prends 30 minutes avant le repas.');
      expect(edited.editedAt).to.be.a('string');
      expect(await rejection(source.forum.editPost(reply.id, 'stale', reply.version))).to.be.instanceOf(ConflictError);
      // Reporting one's own post counts nothing (reports by other patients: demo-host community tests).
      const reported = await source.forum.reportPost(edited.id, 'spam');
      expect(reported.reportCount).to.equal(0);

      await source.forum.deletePost(reported.id, reported.version);
      expect((await source.forum.listPosts(thread.id)).items.map((p) => p.id)).to.deep.equal([posts.items[0]?.id]);
      const opening = posts.items[0];
      if (!opening) throw new Error('the thread has no opening post');
      await source.forum.deletePost(opening.id, opening.version);
      expect(await rejection(source.forum.getThread(thread.id))).to.be.instanceOf(NotFoundError);
    });

    it('does not let the pseudonym change once chosen', async () => {
      const chosen = (await source.forum.getPseudonym()) ?? (await source.forum.setPseudonym('Marcheur_du_matin'));
      expect(await source.forum.setPseudonym(chosen)).to.equal(chosen);
      expect(await rejection(source.forum.setPseudonym('Autre_nom'))).to.be.instanceOf(ValidationError);
    });
  });
});
