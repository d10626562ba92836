import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AccessEntry, DataSource } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../document-browser/test-helpers/in-memory-source.js';
import type { CarnetLocale } from '../shared/localization.js';
import { SAMPLE_TRAIL } from './test-helpers/sample-trail.js';
import '../provider/provider.js';
import './access-history.js';

/** Controls of the access history stories. */
interface AccessHistoryStoryArgs {
  locale: CarnetLocale;
  /** `trail`: reads by the patient and a professional, one refused; `empty`: nothing yet; `error`: loading fails. */
  data: 'trail' | 'empty' | 'error';
}

/** A record whose trail answers with `entries`, or fails. */
function sourceWith(data: AccessHistoryStoryArgs['data']): DataSource {
  const base = createInMemoryDataSource([], {
    careTeam: [{ id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin' }],
  });
  const list = (): Promise<AccessEntry[]> =>
    data === 'error'
      ? Promise.reject(new Error('trail unavailable'))
      : Promise.resolve(data === 'empty' ? [] : SAMPLE_TRAIL);
  return { ...base, accessHistory: { list } } as DataSource;
}

function renderAccessHistory(args: AccessHistoryStoryArgs): TemplateResult {
  return html`<carnet-provider locale=${args.locale} .dataSource=${sourceWith(args.data)}>
    <carnet-access-history></carnet-access-history>
  </carnet-provider>`;
}

const meta: Meta<AccessHistoryStoryArgs> = {
  title: 'People/Access history',
  component: 'carnet-access-history',
  render: renderAccessHistory,
  args: { locale: 'fr', data: 'trail' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    data: { control: 'inline-radio', options: ['trail', 'empty', 'error'] },
  },
};
export default meta;

type Story = StoryObj<AccessHistoryStoryArgs>;

/** Who opened the record: the patient, a professional, and a refused attempt. */
export const Trail: Story = {};

/** English strings. */
export const English: Story = { args: { locale: 'en' } };

/** Nothing in the trail yet. */
export const Empty: Story = { args: { data: 'empty' } };

/** Loading fails: a localized message. */
export const LoadError: Story = { args: { data: 'error' } };

/** At phone width (390 px, set in the Viewport toolbar): the filters stack, nothing cut, no sideways scroll. */
export const Phone390: Story = {
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  globals: { viewport: { value: 'phone320', isRotated: false } },
};
