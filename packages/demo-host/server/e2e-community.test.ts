// Acceptance of the community (issue 12), end to end: the REAL demo site (Vite),
// the real provider and FHIR server, and real Chromium pages signed in as two
// diabetes patients (A = `diabetes`, B = `diabetes-2`) and a Parkinson patient.
// A posts, B joins, reads and replies, A sees the reply without reloading; the
// Parkinson patient sees none of it; the moderator signs in on the moderation
// page, finds the post B reported in the queue with the reason, hides it
// there, and both patients see it hidden (the author sees why, never who
// reported); restoring it shows it again to both; no response body B's page
// received carries A's patient id or name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { endToEnd, signedIn, type TestPage } from './testing/e2e.js';

const TITLE = 'Capteur et piscine, vos astuces ?';
const OPENING = 'Je reprends la natation : comment gardez-vous le capteur en place ?';
const REPLY = 'Un patch transparent par-dessus, il tient toute la séance.';

const records = (['diabetes', 'parkinson'] as const).map((persona) => generatePersona(persona, { documentCount: 4 }));
const diabetes = records[0] as PatientRecord;
// The people of the story, signed in once and kept across the steps below (each step is its own test).
let a: TestPage;
let b: TestPage;
let c: TestPage;
let m: TestPage;

describe(
  'community between two patients (real site, provider, FHIR server, two browsers)',
  { timeout: 360_000 },
  () => {
    const e2e = endToEnd({ platform: () => ({ records }) });

    /** A page of its own signed in as `login`, keeping every response body it receives. */
    const signedInPage = (login: string, path = '/connected.html'): Promise<TestPage> =>
      signedIn(e2e, path, login, { keepBodies: true });

    const feedOf = (who: TestPage) => who.page.locator('carnet-forum-feed');
    const moderationOf = (who: TestPage) => who.page.locator('carnet-moderation');
    const queuedOpening = () => moderationOf(m).locator('[part~="report"]', { hasText: OPENING });
    const confirmationOf = (who: TestPage) => moderationOf(who).locator('dialog[part="confirm-dialog"]');

    it('A signs in and opens a discussion', async () => {
      a = await signedInPage('diabetes');
      const feedA = feedOf(a);
      // A is a member (seeded): the discussions show, and A opens a new one.
      await feedA.locator('[part="new-thread"]').click();
      await feedA.getByLabel('Titre', { exact: true }).fill(TITLE);
      await feedA.getByLabel('Votre message', { exact: true }).fill(OPENING);
      await feedA.getByRole('button', { name: 'Publier la discussion' }).click();
      await feedA.locator('[part="post-body"]', { hasText: OPENING }).waitFor();
    });

    it('B joins explicitly, reads it and replies; A sees the reply without reloading, announced politely', async () => {
      const feedA = feedOf(a);
      b = await signedInPage('diabetes-2');
      const feedB = feedOf(b);
      // Not a member yet: an explicit invitation, nothing of the community.
      await feedB.locator('[part="join-button"]').click();
      await feedB.getByLabel('Pseudonyme', { exact: true }).fill('Lulu79');
      await feedB.getByRole('button', { name: 'Choisir ce pseudonyme' }).click();
      await feedB.getByRole('button', { name: TITLE }).click();
      await feedB.locator('[part="post-body"]', { hasText: OPENING }).waitFor();
      await feedB.getByLabel('Votre réponse', { exact: true }).fill(REPLY);
      await feedB.getByRole('button', { name: 'Publier la réponse' }).click();
      await feedB.locator('[part="post-body"]', { hasText: REPLY }).waitFor();

      // A never reloads: the reply arrives by itself and is announced politely.
      await feedA.locator('[part="post-body"]', { hasText: REPLY }).waitFor();
      await feedA.locator('[role="status"]', { hasText: 'Nouvelle réponse de Lulu79' }).waitFor({ state: 'attached' });
    });

    it('a patient of another pathology sees none of it, in the widget or by asking the server', async () => {
      c = await signedInPage('parkinson');
      const feedC = feedOf(c);
      await feedC.locator('[part="thread-open"]').first().waitFor();
      assert.equal(await feedC.getByText(TITLE).count(), 0);
      for (const path of ['/Group/community-diabetes', '/Group/community-diabetes/Communication']) {
        const response = await fetch(`${e2e.platform.fhirBaseUrl}${path}`, {
          headers: { Authorization: `Bearer ${c.token()}` },
        });
        assert.equal(response.status, 404, path);
      }
    });

    it('B reports A’s post; the moderator hides it on the moderation page; both see it hidden, the author why, never who', async () => {
      const [feedA, feedB] = [feedOf(a), feedOf(b)];
      // B reports A's opening post; the moderator finds it in the queue with the reason and hides it.
      const opening = feedB.locator('[part="post"]', { hasText: OPENING });
      await opening.getByRole('button', { name: /Signaler/ }).click();
      await feedB.locator('input[name="reason"][value="medical-misinformation"]').check();
      await feedB.getByLabel('Précisez si vous le souhaitez (facultatif)').fill('conseil risqué');
      await feedB.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await feedB.getByRole('button', { name: 'Fermer' }).click();

      // The moderator signs in on the moderation page with their own login and works the queue there.
      m = await signedInPage('moderateur', '/moderation.html');
      const moderation = moderationOf(m);
      const queued = queuedOpening();
      await queued.locator('[part="report-count"]', { hasText: 'Signalé par 1 personne' }).waitFor();
      await queued.locator('[part="reasons"]', { hasText: 'Information médicale fausse ou dangereuse' }).waitFor();
      await queued.getByText('« conseil risqué »').waitFor();
      await queued.getByRole('button', { name: 'Masquer le message' }).click();
      const confirmation = confirmationOf(m);
      await confirmation.getByRole('button', { name: 'Annuler' }).waitFor();
      assert.equal(
        await moderation.evaluate((element) => element.shadowRoot?.activeElement?.textContent?.trim()),
        'Annuler',
        'the confirmation opens on the safe choice',
      );
      await confirmation.getByLabel('Raison montrée à l’auteur').fill('Conseil médical à vérifier');
      await confirmation.getByRole('button', { name: 'Masquer le message' }).click();
      // The queue is read again: the post is now among the hidden ones, with the reason its author reads.
      await moderation.locator('#hidden-title', { hasText: 'Masqués (1)' }).waitFor();
      await queued.locator('[part="hidden-state"]', { hasText: 'Conseil médical à vérifier' }).waitFor();
      await moderation.locator('[part="trail"] summary', { hasText: 'Journal de modération (1)' }).waitFor();

      // Both see it hidden without reloading; the author also sees why.
      await feedB.locator('[part="hidden-placeholder"]').waitFor();
      await feedA.locator('[part="hidden-placeholder"]', { hasText: 'Conseil médical à vérifier' }).waitFor();
      assert.equal(await feedB.getByText(OPENING).count(), 0);
      // Reporters stay anonymous to the author: nothing A received names B or carries B's words of report.
      const toAuthor = a.bodies.join('\n');
      assert.doesNotMatch(toAuthor, /patient-diabetes-2/, 'the reporter’s patient id');
      assert.ok(!toAuthor.includes('conseil risqué'), 'the reporter’s comment');
      // Nor does the moderator learn who reported, nor anyone's record.
      assert.doesNotMatch(m.bodies.join('\n'), /patient-diabetes/, 'no patient id reaches the moderator');
    });

    it('the moderator restores it from the same page; both patients see it again without reloading', async () => {
      const [feedA, feedB, moderation, queued, confirmation] = [
        feedOf(a),
        feedOf(b),
        moderationOf(m),
        queuedOpening(),
        confirmationOf(m),
      ];
      await queued.getByRole('button', { name: 'Rétablir le message' }).click();
      await confirmation.getByRole('button', { name: 'Rétablir le message' }).click();
      await moderation.locator('#hidden-title', { hasText: 'Masqués (0)' }).waitFor();
      await feedB.locator('[part="post-body"]', { hasText: OPENING }).waitFor();
      await feedA.locator('[part="hidden-placeholder"]').waitFor({ state: 'detached' });
    });

    it('nothing B’s page received names A’s record: no id, no name; no page error anywhere', async () => {
      // Nothing B's page received names A's record: no id, no name.
      await b.page.waitForLoadState('networkidle');
      const received = b.bodies.join('\n');
      assert.ok(b.bodies.length > 10, 'B’s page received responses');
      assert.doesNotMatch(received, /patient-diabetes(?!-2)/, 'A’s patient id');
      assert.ok(!received.includes(diabetes.patient.family), 'A’s family name');
      assert.ok(!received.includes(`${diabetes.patient.given} `), 'A’s given name');
      for (const who of [a, b, c, m]) assert.deepEqual(who.errors, []);
    });
  },
);
