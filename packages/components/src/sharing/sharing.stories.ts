import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { DataSource } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { sharingSource } from './test-helpers/sample-sharing.js';
import '../provider/provider.js';
import './sharing.js';

/** Controls of the sharing stories. */
interface SharingStoryArgs {
  locale: CarnetLocale;
  /** `shared`: one caregiver given access, two professionals; `nothing`: no access given, nobody known; `error`: loading fails. */
  data: 'shared' | 'nothing' | 'error';
}

function sourceFor(data: SharingStoryArgs['data']): DataSource {
  if (data === 'error') return sharingSource({ failReads: true });
  if (data === 'nothing') return sharingSource({ grants: [], caregivers: [], careTeam: [] });
  return sharingSource();
}

function renderSharing(args: SharingStoryArgs): TemplateResult {
  return html`<carnet-provider locale=${args.locale} .dataSource=${sourceFor(args.data)}>
    <carnet-sharing></carnet-sharing>
  </carnet-provider>`;
}

const meta: Meta<SharingStoryArgs> = {
  title: 'People/Sharing',
  component: 'carnet-sharing',
  render: renderSharing,
  args: { locale: 'fr', data: 'shared' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    data: { control: 'inline-radio', options: ['shared', 'nothing', 'error'] },
  },
};
export default meta;

type Story = StoryObj<SharingStoryArgs>;

/** A caregiver reads the agenda and changes the pill organiser until a date; two professionals. */
export const Shared: Story = {};

/** English strings. */
export const English: Story = { args: { locale: 'en' } };

/** Nothing shared and nobody to choose yet. */
export const NothingShared: Story = { args: { data: 'nothing' } };

/** Loading fails: a localized message with Retry. */
export const LoadError: Story = { args: { data: 'error' } };

/** An on-device record: nothing can be shared from here. */
export const OnDevice: Story = {
  render: (args) =>
    html`<carnet-provider locale=${args.locale} db-name="carnet-story-sharing">
      <carnet-sharing></carnet-sharing>
    </carnet-provider>`,
};

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  globals: { viewport: { value: 'phone320', isRotated: false } },
};
