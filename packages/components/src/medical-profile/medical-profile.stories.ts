import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../provider/provider.js';
import './medical-profile.js';
import { localSourceWithFault, type StoryFault } from '../test-helpers/story-faults.js';
import { seedKidneyProfile } from '../test-helpers/profile-samples.js';
import { themeSheetLink } from '../test-helpers/story-themes.js';

/** Controls of the medical profile stories. */
interface ProfileStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  /** Fill the record with the kidney persona's profile first. */
  filled: boolean;
  fault?: StoryFault;
  themeClass?: string;
}

function renderProfile(args: ProfileStoryArgs): TemplateResult {
  const injected = args.fault ? localSourceWithFault(args.dbName, 'medicalProfile', 'get', args.fault) : undefined;
  return html`${themeSheetLink(args.themeClass)}
    <carnet-provider
      class=${ifDefined(args.themeClass)}
      locale=${args.locale}
      db-name=${args.dbName}
      .dataSource=${injected}
      style="padding: 1rem; max-inline-size: 48rem"
    >
      <carnet-medical-profile></carnet-medical-profile>
    </carnet-provider>`;
}

const meta: Meta<ProfileStoryArgs> = {
  title: 'Record/Medical profile',
  component: 'carnet-medical-profile',
  render: renderProfile,
  args: { locale: 'fr', dbName: 'storybook-profile', filled: true },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    fault: { control: 'select', options: [undefined, 'never-answers', 'fails'] },
  },
  loaders: [
    async ({ args }) => {
      const { filled, dbName } = args as ProfileStoryArgs;
      if (filled) await seedKidneyProfile(dbName);
      return {};
    },
  ],
};
export default meta;

type Story = StoryObj<ProfileStoryArgs>;

/** The kidney persona's profile: penicillin allergy first, her daughter to call. */
export const Filled: Story = { args: { dbName: 'storybook-profile-filled' } };

/** English strings and dates. */
export const English: Story = { args: { dbName: 'storybook-profile-english', locale: 'en' } };

/** Nothing recorded yet: every part says so and offers its form. */
export const Empty: Story = { args: { dbName: 'storybook-profile-empty', filled: false } };

/** The record never answers: the busy skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-profile-loading', fault: 'never-answers', filled: false } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-profile-error', fault: 'fails', filled: false } };

/** Dark theme. */
export const DarkTheme: Story = { args: { dbName: 'storybook-profile-dark', themeClass: 'carnet-theme-dark' } };

/** High-contrast theme. */
export const HighContrastTheme: Story = {
  args: { dbName: 'storybook-profile-high-contrast', themeClass: 'carnet-theme-high-contrast' },
};

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  args: { dbName: 'storybook-profile-phone390' },
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  args: { dbName: 'storybook-profile-phone320' },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};
