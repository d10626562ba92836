import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../provider/provider.js';
import './moderation.js';
import { MemoryModeration, sourceWith, withQueue } from './test-helpers/memory-moderation.js';

/** Controls of the moderation stories. */
interface ModerationStoryArgs {
  locale: CarnetLocale;
  /**
   * `queue`: a reported post and a hidden one; `suspended`: the reported post's
   * author is suspended; `empty`: nothing to review; `local`: an on-device
   * record; `error`: loading fails.
   */
  data: 'queue' | 'suspended' | 'empty' | 'local' | 'error';
}

function renderModeration(args: ModerationStoryArgs): TemplateResult {
  if (args.data === 'local')
    return html`<carnet-provider locale=${args.locale} db-name="storybook-moderation-local">
      <carnet-moderation></carnet-moderation>
    </carnet-provider>`;
  const moderation = args.data === 'empty' ? new MemoryModeration() : withQueue();
  moderation.failList = args.data === 'error';
  if (args.data === 'suspended') moderation.community.suspendedPseudonyms = ['Colibri54'];
  return html`<carnet-provider locale=${args.locale} .dataSource=${sourceWith(moderation)}>
    <carnet-moderation></carnet-moderation>
  </carnet-provider>`;
}

const meta: Meta<ModerationStoryArgs> = {
  title: 'People/Moderation',
  component: 'carnet-moderation',
  render: renderModeration,
  args: { locale: 'fr', data: 'queue' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    data: { control: 'inline-radio', options: ['queue', 'suspended', 'empty', 'local', 'error'] },
  },
};
export default meta;

type Story = StoryObj<ModerationStoryArgs>;

/** The queue: a post reported by two people (reasons in words), and a post already hidden. */
export const Queue: Story = {};

/** English strings. */
export const English: Story = { args: { locale: 'en' } };

/** The reported post's author is suspended: marked, and listed with « Lever la suspension ». */
export const SuspendedAuthor: Story = { args: { data: 'suspended' } };

/** Nothing reported nor hidden: a calm statement. */
export const Empty: Story = { args: { data: 'empty' } };

/** Local mode: there is no one to moderate, and the element says so. */
export const LocalMode: Story = { args: { data: 'local' } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { data: 'error' } };

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  globals: { viewport: { value: 'phone320', isRotated: false } },
};
