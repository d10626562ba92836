import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { ForumThread } from '@carnet/catalog-sdk';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetForumFeed } from './forum-feed.js';
import {
  all,
  feedInProvider,
  one,
  openThread,
  peerThreads,
  postsShown,
  seedForum,
  shadow,
  text,
  threadsShown,
  typeInto,
} from './test-helpers/forum-fixtures.js';

declare global {
  interface Window {
    /** Set by any payload that manages to run. */
    __xss?: boolean;
  }
}

/** Hostile bodies: each sets `window.__xss` if anything in it ever runs. */
const XSS_VECTORS: readonly string[] = [
  '<script>window.__xss = true</script>',
  '<img src=x onerror="window.__xss = true">',
  '<svg onload="window.__xss = true"><circle r="4"></circle></svg>',
  '[x](javascript:window.__xss=true)',
  '[x](JAVASCRIPT:window.__xss=true)',
  '[x](data:text/html,<script>window.__xss=true</script>)',
  '[x]( javascript:window.__xss=true)',
  '[x](&#106;avascript:window.__xss=true)',
  '[x](java&#x09;script:window.__xss=true)',
  '[x](vbscript:msgbox(1))',
  '[x](//evil.example/path) and [y](/relative)',
  '<a href="javascript:window.__xss=true">clic</a>',
  '<iframe src="javascript:window.__xss=true"></iframe>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:window.__xss=true)">fond</div>',
  '<img src=x onerror=window.__xss=true <b>unclosed <i>markup',
  '<javascript:window.__xss=true>',
  '[ref][evil]\n\n[evil]: javascript:window.__xss=true',
  '<details open ontoggle="window.__xss=true">x</details>',
  '**<img src=x onerror="window.__xss=true">** _[x](javascript:window.__xss=true)_',
  '- <script>window.__xss=true</script>\n  - [x](javascript:window.__xss=true)',
  '> <img src=x onerror=window.__xss=true>\n> [x](javascript:window.__xss=true)\n>> <script>window.__xss=true</script>',
];

const FORBIDDEN = 'script, iframe, svg, style, img, object, embed, form[action], details, math, link, meta, base';

/** Everything a hostile post could leave in the shadow root. */
function assertInert(feed: CarnetForumFeed): void {
  const root = shadow(feed);
  expect([...root.querySelectorAll(FORBIDDEN)].map((element) => element.localName)).to.deep.equal([]);
  for (const element of root.querySelectorAll('*')) {
    const names = element.getAttributeNames();
    expect(
      names.filter((name) => name.startsWith('on')),
      element.localName,
    ).to.deep.equal([]);
    expect(names.includes('style'), `${element.localName} has a style attribute`).to.equal(false);
    if (element.hasAttribute('href')) expect(element.getAttribute('href')).to.match(/^https?:\/\//);
    if (element.hasAttribute('src')) expect.fail(`${element.localName} has a src`);
  }
  // Lit's adopted stylesheets are the only styles.
  expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
}

async function threadWithVectors(
  label: string,
): Promise<{ feed: CarnetForumFeed; thread: ForumThread; ids: string[] }> {
  const dbName = uniqueDbName(label);
  const forum = peerThreads('parkinson', 1);
  await seedForum(dbName, 'parkinson', forum);
  const thread = forum.threads[0] as ForumThread;
  const source = createLocalDataSource({ dbName });
  const ids: string[] = [];
  for (const body of XSS_VECTORS) ids.push((await source.forum.reply(thread.id, { body })).id);
  source.close();
  const { feed } = await feedInProvider(dbName);
  await threadsShown(feed);
  await openThread(feed, thread.title);
  return { feed, thread, ids };
}

describe('<carnet-forum-feed> hostile posts', () => {
  beforeEach(() => {
    window.__xss = false;
  });

  afterEach(async () => {
    await deleteTestDatabases();
    delete window.__xss;
  });

  it('renders every vector posted through the repository inert, as text', async () => {
    const { feed, ids } = await threadWithVectors('xss-repository');
    expect(all(feed, 'article[part="post"]')).to.have.length(XSS_VECTORS.length + 1);
    // Give any payload (onerror, onload) the time to fire.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.__xss).to.equal(false);
    assertInert(feed);
    const body = (id: string): string => text(one(feed, `article[data-post-id="${id}"] [part="post-body"]`));
    expect(body(ids[0] as string)).to.equal('<script>window.__xss = true</script>');
    expect(body(ids[1] as string)).to.equal('<img src=x onerror="window.__xss = true">');
    expect(body(ids[3] as string)).to.equal('[x](javascript:window.__xss=true)');
    expect(body(ids[13] as string)).to.equal('<style>body{display:none}</style>');
    expect(getComputedStyle(document.body).display).not.to.equal('none');
    expect(all(feed, '[part="post-body"] a')).to.have.length(0);
    await expect(feed).to.be.accessible();
  });

  it('keeps the feed inert after a reply typed in the reply form holds a vector', async () => {
    const { feed } = await threadWithVectors('xss-edit');
    const field = all<HTMLTextAreaElement>(feed, '#reply-body')[0] as HTMLTextAreaElement;
    typeInto(field, '<img src=x onerror="window.__xss=true"> [clic](javascript:window.__xss=true)');
    const published = oneEvent(feed, 'carnet-post-create');
    one<HTMLButtonElement>(feed, '[part="reply-form"] button[type="submit"]').click();
    await published;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(window.__xss).to.equal(false);
    assertInert(feed);
  });

  it('renders a vector typed in the compose form as text', async () => {
    const dbName = uniqueDbName('xss-compose');
    await seedForum(dbName, 'kidney', peerThreads('kidney', 1));
    const { feed } = await feedInProvider(dbName, { community: 'kidney' });
    await threadsShown(feed);
    one<HTMLButtonElement>(feed, 'button[part="new-thread"]').click();
    await feed.updateComplete;
    typeInto(one<HTMLInputElement>(feed, '#compose-subject'), '<svg onload="window.__xss=true">');
    typeInto(
      one<HTMLTextAreaElement>(feed, '#compose-body'),
      '<script>window.__xss=true</script>\n\n[cliquez](javascript:window.__xss=true) <iframe src=x></iframe>',
    );
    const published = oneEvent(feed, 'carnet-post-create');
    one<HTMLButtonElement>(feed, '[part="compose"] button[type="submit"]').click();
    await published;
    await postsShown(feed);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(window.__xss).to.equal(false);
    expect(text(one(feed, '#thread-heading'))).to.equal('<svg onload="window.__xss=true">');
    expect(text(one(feed, '[part="post-body"]'))).to.contain('<script>window.__xss=true</script>');
    expect(text(one(feed, '[part="post-body"]'))).to.contain('[cliquez](javascript:window.__xss=true)');
    assertInert(feed);
    one<HTMLButtonElement>(feed, 'button[part="back"]').click();
    await threadsShown(feed);
    assertInert(feed);
  });

  it('renders the seeded hostile post of the demo persona as text', async () => {
    const dbName = uniqueDbName('xss-persona');
    const record = await seedForum(dbName, 'parkinson');
    const hostile = record.forumPosts.find((post) => post.body.includes('onerror'));
    const thread = record.forumThreads.find((candidate) => candidate.id === hostile?.threadId) as ForumThread;
    const { feed } = await feedInProvider(dbName);
    await threadsShown(feed);
    await openThread(feed, thread.title);
    await waitUntil(() => shadow(feed).querySelector(`article[data-post-id="${hostile?.id}"]`), 'hostile post');
    expect(text(one(feed, `article[data-post-id="${hostile?.id}"] [part="post-body"]`))).to.contain(
      '<img src=x onerror=alert(1)>',
    );
    assertInert(feed);
  });

  it('turns only http(s) links into links that open safely in a new window', async () => {
    const dbName = uniqueDbName('xss-links');
    const forum = peerThreads('diabetes', 1);
    const opening = forum.posts[0];
    if (opening) {
      opening.body =
        'Voir [la fiche](https://www.federationdesdiabetiques.org/info?a=1&b=2), https://example.org/page ' +
        'et [pas ça](ftp://example.org) ni [ni ça](mailto:x@example.org).';
    }
    await seedForum(dbName, 'diabetes', forum);
    const { feed } = await feedInProvider(dbName, { community: 'diabetes' });
    await threadsShown(feed);
    await openThread(feed, 'Discussion numéro 1');
    const links = all<HTMLAnchorElement>(feed, '[part="post-body"] a');
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
      'https://www.federationdesdiabetiques.org/info?a=1&b=2',
      'https://example.org/page',
    ]);
    for (const link of links) {
      expect(link.rel).to.equal('noopener noreferrer nofollow ugc');
      expect(link.target).to.equal('_blank');
      expect(text(link.querySelector('.visually-hidden'))).to.equal('(nouvelle fenêtre)');
    }
    expect(text(links[0]).replace('(nouvelle fenêtre)', '').trim()).to.equal('la fiche');
    expect(text(one(feed, '[part="post-body"]'))).to.contain('[pas ça](ftp://example.org)');
    await expect(feed).to.be.accessible();
  });
});
