import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { ForumPost, ForumThread, Pathology, PatientRecord } from '@carnet/catalog-sdk';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../provider/provider.js';
import './forum-feed.js';
import { localSourceWithFault, type StoryFault } from '../test-helpers/story-faults.js';

/** How the story's data source misbehaves. */
type Fault = StoryFault;

/** Extra forum content a story seeds on top of the persona. */
type Extra = 'long-thread' | 'hidden-post';

/** Controls of the forum stories. */
interface ForumStoryArgs {
  locale: CarnetLocale;
  community: Pathology;
  dbName: string;
  demoPersona?: Pathology;
  fault?: Fault;
  extra?: Extra;
  pageSize: number;
}

/** A discussion of 60 posts, some answering others, for the long-thread story. */
function longThread(community: Pathology): { thread: ForumThread; posts: ForumPost[] } {
  const start = Date.now() - 60 * 3_600_000;
  const posts = Array.from({ length: 60 }, (_, index): ForumPost => ({
    id: `story-long-${index + 1}`,
    threadId: 'story-long',
    community,
    authorPseudonym: ['Marmotte71', 'Hirondelle33', 'Tournesol', 'PetitPas'][index % 4] ?? 'Tournesol',
    body:
      index === 0
        ? 'On partage nos **routines du matin** ?\n\n- réveil\n- première prise\n- marche'
        : `Message ${index + 1} : ce qui m’aide, c’est *la régularité*.`,
    createdAt: new Date(start + index * 3_600_000).toISOString(),
    moderation: 'visible',
    reportCount: 0,
    version: '1',
    ...(index > 1 && index % 5 === 0 ? { replyTo: `story-long-${index - 1}` } : {}),
  }));
  const last = posts[posts.length - 1] as ForumPost;
  return {
    thread: {
      id: 'story-long',
      community,
      title: 'Nos routines du matin (longue discussion)',
      authorPseudonym: 'Marmotte71',
      createdAt: posts[0]?.createdAt ?? last.createdAt,
      lastActivityAt: last.createdAt,
      replyCount: posts.length - 1,
      unread: true,
      version: '1',
    },
    posts,
  };
}

/** The persona's record with the story's extra content, hidden posts made hidden. */
function storyRecord(persona: Pathology, extra: Extra | undefined): PatientRecord {
  const record = generatePersona(persona, { documentCount: 10 });
  if (extra === 'long-thread') {
    const { thread, posts } = longThread(persona);
    return { ...record, forumThreads: [thread, ...record.forumThreads], forumPosts: [...record.forumPosts, ...posts] };
  }
  if (extra === 'hidden-post') {
    const forumPosts = record.forumPosts.map((post) =>
      post.reportCount > 0 ? { ...post, moderation: 'hidden' as const, reportCount: 3 } : post,
    );
    return { ...record, forumPosts };
  }
  return record;
}

/** Seeds the story's database before rendering (the provider's demo seeding covers plain personas). */
async function seedExtra(args: ForumStoryArgs): Promise<void> {
  if (!args.extra || !args.demoPersona) return;
  const source = createLocalDataSource({ dbName: args.dbName });
  try {
    await source.importRecord(storyRecord(args.demoPersona, args.extra), { replace: true });
  } finally {
    source.close();
  }
}

function renderForum(args: ForumStoryArgs): TemplateResult {
  const injected = args.fault ? localSourceWithFault(args.dbName, 'forum', 'listThreads', args.fault) : undefined;
  return html`<carnet-provider
    locale=${args.locale}
    db-name=${args.dbName}
    demo-persona=${ifDefined(args.extra ? undefined : args.demoPersona)}
    .dataSource=${injected}
    style="display: block; padding: 1rem; max-inline-size: 48rem"
  >
    <carnet-forum-feed community=${args.community} page-size=${args.pageSize}></carnet-forum-feed>
  </carnet-provider>`;
}

const meta: Meta<ForumStoryArgs> = {
  title: 'Widgets/Forum feed',
  component: 'carnet-forum-feed',
  render: renderForum,
  loaders: [async ({ args }) => ({ seeded: await seedExtra(args as ForumStoryArgs) })],
  args: { locale: 'fr', community: 'parkinson', dbName: 'storybook-forum', pageSize: 10 },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    community: { control: 'inline-radio', options: ['diabetes', 'parkinson', 'kidney'] },
    fault: { control: 'select', options: [undefined, 'never-answers', 'fails'] },
    extra: { control: 'select', options: [undefined, 'long-thread', 'hidden-post'] },
  },
};
export default meta;

type Story = StoryObj<ForumStoryArgs>;

/** The Parkinson's community of the demo persona, in French. */
export const Parkinson: Story = {
  args: { dbName: 'storybook-forum-parkinson', demoPersona: 'parkinson', community: 'parkinson' },
};

/** The diabetes community. */
export const Diabetes: Story = {
  args: { dbName: 'storybook-forum-diabetes', demoPersona: 'diabetes', community: 'diabetes' },
};

/** The chronic kidney disease community. */
export const Kidney: Story = {
  args: { dbName: 'storybook-forum-kidney', demoPersona: 'kidney', community: 'kidney' },
};

/** English strings, relative times and report reasons. */
export const English: Story = {
  args: { dbName: 'storybook-forum-english', demoPersona: 'parkinson', community: 'parkinson', locale: 'en' },
};

/** Three discussions per page: « Voir plus de discussions » appears. */
export const Paging: Story = {
  args: { dbName: 'storybook-forum-paging', demoPersona: 'diabetes', community: 'diabetes', pageSize: 3 },
};

/** A discussion of sixty posts with replies to earlier posts (open the first thread). */
export const LongThread: Story = {
  args: { dbName: 'storybook-forum-long', demoPersona: 'parkinson', community: 'parkinson', extra: 'long-thread' },
};

/** A post hidden by the moderation: open the discussion where Zorro_du_web posted to see the placeholder. */
export const HiddenPost: Story = {
  args: { dbName: 'storybook-forum-hidden', demoPersona: 'kidney', community: 'kidney', extra: 'hidden-post' },
};

/** The record never answers: the busy feed and skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-forum-loading', fault: 'never-answers' } };

/** A community with no discussion yet: the invitation to start one. */
export const Empty: Story = { args: { dbName: 'storybook-forum-empty', community: 'kidney' } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-forum-error', fault: 'fails' } };

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  args: { dbName: 'storybook-forum-parkinson', demoPersona: 'parkinson', community: 'parkinson' },
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  args: { dbName: 'storybook-forum-parkinson', demoPersona: 'parkinson', community: 'parkinson' },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};
