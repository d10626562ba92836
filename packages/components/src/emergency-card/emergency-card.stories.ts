import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../provider/provider.js';
import './emergency-card.js';
import { localSourceWithFault, type StoryFault } from '../test-helpers/story-faults.js';
import { seedKidneyProfile } from '../test-helpers/profile-samples.js';
import { themeSheetLink } from '../test-helpers/story-themes.js';

/** Controls of the emergency card stories. */
interface CardStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  /** Fill the record with the kidney persona's profile first. */
  filled: boolean;
  fault?: StoryFault;
  themeClass?: string;
}

function renderCard(args: CardStoryArgs): TemplateResult {
  const injected = args.fault ? localSourceWithFault(args.dbName, 'medicalProfile', 'get', args.fault) : undefined;
  return html`${themeSheetLink(args.themeClass)}
    <carnet-provider
      class=${ifDefined(args.themeClass)}
      locale=${args.locale}
      db-name=${args.dbName}
      .dataSource=${injected}
      style="padding: 1rem; max-inline-size: 48rem"
    >
      <carnet-emergency-card patient-name="Mme Lucie Martin"></carnet-emergency-card>
    </carnet-provider>`;
}

const meta: Meta<CardStoryArgs> = {
  title: 'Record/Emergency card',
  component: 'carnet-emergency-card',
  render: renderCard,
  args: { locale: 'fr', dbName: 'storybook-card', filled: true },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    fault: { control: 'select', options: [undefined, 'never-answers', 'fails'] },
  },
  loaders: [
    async ({ args }) => {
      const { filled, dbName } = args as CardStoryArgs;
      if (filled) await seedKidneyProfile(dbName);
      return {};
    },
  ],
};
export default meta;

type Story = StoryObj<CardStoryArgs>;

/** The kidney persona's card: penicillin allergy first, her daughter to call, large text. */
export const Filled: Story = { args: { dbName: 'storybook-card-filled' } };

/** English strings and dates. */
export const English: Story = { args: { dbName: 'storybook-card-english', locale: 'en' } };

/** Nothing recorded yet: the card says so, part by part (never « no allergy »). */
export const Empty: Story = { args: { dbName: 'storybook-card-empty', filled: false } };

/** The record never answers: the busy skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-card-loading', fault: 'never-answers', filled: false } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-card-error', fault: 'fails', filled: false } };

/** Dark theme. */
export const DarkTheme: Story = { args: { dbName: 'storybook-card-dark', themeClass: 'carnet-theme-dark' } };

/** The paper version, as printed on one A4 page (emulate print media to see it). */
export const Print: Story = {
  args: { dbName: 'storybook-card-print' },
  parameters: { docs: { description: { story: 'Use the print button or emulate print media.' } } },
};

/** High-contrast theme. */
export const HighContrastTheme: Story = {
  args: { dbName: 'storybook-card-high-contrast', themeClass: 'carnet-theme-high-contrast' },
};

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  args: { dbName: 'storybook-card-phone390' },
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  args: { dbName: 'storybook-card-phone320' },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};
