import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, waitUntil } from '../test-helpers/fixture.js';
import { KeyPresses } from '../test-helpers/key-presses.js';
import {
  all,
  feedInProvider,
  one,
  postsShown,
  seedForum,
  shadow,
  text,
  threadsShown,
} from './test-helpers/forum-fixtures.js';

/** Tab ×2 to the first discussion, Enter, Tab, Enter on « Répondre », the words, Tab, Enter. */
const BOUND = 8;

describe('<carnet-forum-feed> main task by keyboard alone', () => {
  afterEach(deleteTestDatabases);

  it('replies in a discussion in at most 8 key presses besides the words typed, however long the discussion', async () => {
    const dbName = uniqueDbName('keyboard-reply');
    await seedForum(dbName, 'parkinson');
    const { feed } = await feedInProvider(dbName);
    await threadsShown(feed);
    const before = document.createElement('button');
    before.textContent = 'Avant le forum';
    feed.parentElement?.insertBefore(before, feed);
    before.focus();
    const keys = new KeyPresses();
    await keys.tabUntil((focused) => focused?.matches('button[part="thread-open"]') === true, 10);
    await keys.press('Enter');
    await postsShown(feed);
    expect(all(feed, 'article[part="post"]').length).to.be.at.least(5);
    // « Répondre à la discussion », right after the title, leads past every post.
    await keys.tabUntil((focused) => focused?.matches('[part="go-to-reply"]') === true, 3);
    await keys.press('Enter');
    await waitUntil(() => shadow(feed).activeElement?.id === 'reply-body', 'the reply field has focus');
    await keys.type('Merci pour vos conseils');
    await keys.tabUntil((focused) => focused?.matches('[part="reply-form"] button[type="submit"]') === true, 5);
    await keys.press('Enter');
    await waitUntil(
      () => all(feed, 'article[part="post"]').some((post) => text(post).includes('Merci pour vos conseils')),
      'the reply shows',
    );
    expect(keys.count).to.be.at.most(BOUND);
    expect(text(one(feed, '#thread-heading'))).not.to.equal('');
    before.remove();
  });
});
