import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../provider/provider.js';
import './messages.js';
import { sourceWith, withConversation } from './test-helpers/memory-messages.js';

/** Controls of the messages stories. */
interface MessagesStoryArgs {
  locale: CarnetLocale;
  /** `conversation`: a thread with one unread reply; `local`: an on-device record; `error`: loading fails. */
  data: 'conversation' | 'local' | 'error';
}

function renderMessages(args: MessagesStoryArgs): TemplateResult {
  if (args.data === 'local')
    return html`<carnet-provider locale=${args.locale} db-name="storybook-messages-local">
      <carnet-messages></carnet-messages>
    </carnet-provider>`;
  const messages = withConversation();
  messages.failList = args.data === 'error';
  return html`<carnet-provider locale=${args.locale} .dataSource=${sourceWith(messages)}>
    <carnet-messages></carnet-messages>
  </carnet-provider>`;
}

const meta: Meta<MessagesStoryArgs> = {
  title: 'People/Messages',
  component: 'carnet-messages',
  render: renderMessages,
  args: { locale: 'fr', data: 'conversation' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    data: { control: 'inline-radio', options: ['conversation', 'local', 'error'] },
  },
};
export default meta;

type Story = StoryObj<MessagesStoryArgs>;

/** A thread with the care team: one unread reply, an attached document. */
export const Conversation: Story = {};

/** English strings. */
export const English: Story = { args: { locale: 'en' } };

/** Local mode: nothing can be sent, and the element says so. */
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
