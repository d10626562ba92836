import { sendKeys } from '@web/test-runner-commands';
import type { ForumPost, ForumThread } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { activate, dialogContract } from '../test-helpers/dialog-contract.js';
import { PATIENCE } from '../test-helpers/dialog-contract.js';
import { rovingFocusContract } from '../test-helpers/roving-focus-contract.js';
import { waitUntil } from '../test-helpers/fixture.js';
import type { CarnetForumFeed } from './forum-feed.js';
import {
  all,
  feedInProvider,
  one,
  openThread,
  peerThreads,
  seedForum,
  shadow,
  threadsShown,
} from './test-helpers/forum-fixtures.js';

/** One discussion: a peer's opening post and the patient's own reply. */
function discussionWithOwnReply(): { threads: ForumThread[]; posts: ForumPost[] } {
  const forum = peerThreads('parkinson', 1);
  const opening = forum.posts[0] as ForumPost;
  const thread = forum.threads[0] as ForumThread;
  thread.replyCount = 1;
  forum.posts.push({
    ...opening,
    id: 'p-own',
    authorPseudonym: 'Randonneur67',
    body: 'Mon premier texte.',
    own: true,
    createdAt: new Date(Date.parse(opening.createdAt) + 60_000).toISOString(),
  });
  return forum;
}

async function openDiscussion(label: string): Promise<HTMLElement> {
  const dbName = uniqueDbName(label);
  await seedForum(dbName, 'parkinson', discussionWithOwnReply());
  const { feed } = await feedInProvider(dbName);
  await threadsShown(feed);
  await openThread(feed, 'Discussion numéro 1');
  return feed;
}

async function emptyForum(label: string): Promise<HTMLElement> {
  const { feed } = await feedInProvider(uniqueDbName(label), { community: 'diabetes' });
  await waitUntil(() => shadow(feed).querySelector('[part="empty"]'), 'empty state', PATIENCE);
  return feed;
}

function postButton(host: HTMLElement, postId: string, action: string): HTMLButtonElement {
  return one<HTMLButtonElement>(
    host as CarnetForumFeed,
    `article[data-post-id="${postId}"] button[data-action="${action}"]`,
  );
}

describe('<carnet-forum-feed> shared contracts', () => {
  dialogContract([
    {
      name: 'the pseudonym dialog (before the first post)',
      mount: () => emptyForum('contract-pseudonym'),
      open: async (host) => {
        const feed = host as CarnetForumFeed;
        if (!shadow(feed).querySelector('#compose-subject')) {
          await activate(one(feed, 'button[part="new-thread"]'));
          await feed.updateComplete;
          one(feed, '#compose-subject').focus();
          await sendKeys({ type: 'Capteur de glucose' });
          one(feed, '#compose-body').focus();
          await sendKeys({ type: 'Quel capteur utilisez-vous ?' });
        }
        const submit = one<HTMLButtonElement>(feed, '[part="compose"] button[type="submit"]');
        await activate(submit);
        return submit;
      },
      selector: '#pseudonym-dialog',
      safeChoice: 'Pseudonyme',
      cleanup: deleteTestDatabases,
    },
    {
      name: 'the report dialog',
      mount: () => openDiscussion('contract-report'),
      open: async (host) => {
        const button = postButton(host, 'p-t-001', 'report');
        await activate(button);
        return button;
      },
      selector: '#report-dialog',
      safeChoice: 'Information médicale fausse ou dangereuse',
      // The form is replaced by the thanks once sent: focus moves to « Fermer », inside.
      changeContent: async (host, dialog) => {
        await sendKeys({ press: 'Space' });
        await activate(one(host as CarnetForumFeed, '#report-dialog button[type="submit"]'));
        await waitUntil(() => dialog.querySelector('[data-action="close-report"]'), 'report sent', PATIENCE);
      },
      focusAfterChange: 'Fermer',
      cleanup: deleteTestDatabases,
    },
    {
      name: 'the confirmation of deleting one’s own post (« Annuler » first)',
      mount: () => openDiscussion('contract-delete'),
      open: async (host) => {
        const button = postButton(host, 'p-own', 'delete');
        await activate(button);
        return button;
      },
      selector: '#delete-dialog',
      safeChoice: 'Annuler',
      cleanup: deleteTestDatabases,
    },
  ]);

  rovingFocusContract([
    {
      name: 'the feed of discussions',
      mount: async () => {
        const dbName = uniqueDbName('contract-threads');
        await seedForum(dbName, 'parkinson', peerThreads('parkinson', 3));
        const { feed } = await feedInProvider(dbName);
        await threadsShown(feed);
        return feed;
      },
      items: (host) => all(host as CarnetForumFeed, 'article[part="thread"]'),
      nextKey: 'PageDown',
      previousKey: 'PageUp',
      tabStops: 'none',
      cleanup: deleteTestDatabases,
    },
    {
      name: 'the feed of posts of a discussion',
      mount: () => openDiscussion('contract-posts'),
      items: (host) => all(host as CarnetForumFeed, 'article[part="post"]'),
      nextKey: 'PageDown',
      previousKey: 'PageUp',
      tabStops: 'none',
      cleanup: deleteTestDatabases,
    },
  ]);
});
