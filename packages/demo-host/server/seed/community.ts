/**
 * The demo communities and the people around them: a second patient per
 * pathology (own login, empty record) and an association volunteer who
 * moderates every community. The persona's sample threads go into their
 * pathology's community, not into anyone's compartment.
 */
import type { Pathology, PatientRecord, RecordPatient } from '@carnet/catalog-sdk';
import type { CommunityStore } from '../gateway/community-store.js';
import type { DemoAccount } from '../oidc/accounts.js';

/** The moderator's `fhirUser` (relative) and login. */
export const MODERATOR_FHIR_USER = 'RelatedPerson/moderator-association';
export const MODERATOR_LOGIN = 'moderateur';

/** Community names, by pathology. */
const COMMUNITY_NAMES: Record<Pathology, string> = {
  diabetes: 'Communauté diabète',
  parkinson: 'Communauté Parkinson',
  kidney: 'Communauté insuffisance rénale',
};

const COMPANIONS: Record<Pathology, Pick<RecordPatient, 'given' | 'family' | 'gender' | 'birthDate' | 'pseudonym'>> = {
  diabetes: { given: 'Lucie', family: 'Moreau', gender: 'female', birthDate: '1979-05-14', pseudonym: 'Lulu79' },
  parkinson: { given: 'Marc', family: 'Lefèvre', gender: 'male', birthDate: '1955-11-02', pseudonym: 'Marc55' },
  kidney: { given: 'Sophie', family: 'Girard', gender: 'female', birthDate: '1968-03-27', pseudonym: 'Sophie68' },
};

/** The second patient of a pathology: id `patient-<pathology>-2`, login `<pathology>-2`, an empty record. */
export function companionRecord(pathology: Pathology): PatientRecord {
  return {
    patient: { id: `patient-${pathology}-2`, pathology, ...COMPANIONS[pathology] },
    documents: [],
    careTeam: [],
    agendaEvents: [],
    medicationPlans: [],
    intakes: [],
    forumThreads: [],
    forumPosts: [],
  };
}

/** The association volunteer's account: moderator of every community, no health record. */
export function moderatorAccount(): DemoAccount {
  return {
    accountId: 'moderator-association',
    role: 'patient',
    // Tokens always name a compartment; this one holds nothing.
    patientId: 'moderator-association',
    logins: [MODERATOR_LOGIN, 'moderator'],
    displayName: 'Camille Bénévole (modération)',
    fhirUser: MODERATOR_FHIR_USER,
  };
}

/**
 * Creates one community per pathology present, with the moderator, the
 * persona as a member under their pseudonym and their sample threads (by
 * sample members who are not platform patients).
 */
export function seedCommunities(store: CommunityStore, records: readonly PatientRecord[]): void {
  for (const record of records) {
    const { pathology, id, pseudonym } = record.patient;
    const community = store.ensure(pathology, COMMUNITY_NAMES[pathology]);
    community.moderators.add(MODERATOR_FHIR_USER);
    if (record.forumThreads.length === 0) continue;
    community.members.set(id, { patientId: id, pseudonym, joinedAt: new Date().toISOString() });
    community.takenPseudonyms.set(pseudonym.toLowerCase(), id);
    const threads = [...record.forumThreads].sort((a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt));
    for (const thread of threads) {
      const posts = record.forumPosts
        .filter((post) => post.threadId === thread.id)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const [opening, ...replies] = posts;
      if (!opening) continue;
      const authorOf = (name: string): string | undefined => (name === pseudonym ? id : undefined);
      if (!community.takenPseudonyms.has(thread.authorPseudonym.toLowerCase()))
        community.takenPseudonyms.set(thread.authorPseudonym.toLowerCase(), `sample:${thread.authorPseudonym}`);
      const stored = store.addThread(community, {
        id: thread.id,
        authorId: authorOf(thread.authorPseudonym),
        pseudonym: thread.authorPseudonym,
        title: thread.title,
        body: opening.body,
        at: thread.createdAt,
      });
      const openingPost = stored.posts[0];
      if (openingPost && opening.id !== openingPost.id) {
        community.postsById.delete(openingPost.id);
        openingPost.id = opening.id;
        community.postsById.set(opening.id, openingPost);
      }
      for (const reply of replies) {
        if (!community.takenPseudonyms.has(reply.authorPseudonym.toLowerCase()))
          community.takenPseudonyms.set(reply.authorPseudonym.toLowerCase(), `sample:${reply.authorPseudonym}`);
        store.addPost(community, stored, {
          id: reply.id,
          authorId: authorOf(reply.authorPseudonym),
          pseudonym: reply.authorPseudonym,
          body: reply.body,
          at: reply.createdAt,
          ...(reply.replyTo ? { replyTo: reply.replyTo } : {}),
        });
      }
    }
  }
}
