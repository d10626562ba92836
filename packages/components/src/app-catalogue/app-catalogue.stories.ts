import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { DataSource } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { appCatalogueSource } from './test-helpers/sample-apps.js';
import '../provider/provider.js';
import './app-catalogue.js';

/** Controls of the catalogue stories. */
interface AppCatalogueStoryArgs {
  locale: CarnetLocale;
  /** `listed`: two apps, one allowed; `none`: no app listed; `error`: loading fails; `revoke-fails`: withdrawing fails. */
  data: 'listed' | 'none' | 'error' | 'revoke-fails';
}

function sourceFor(data: AppCatalogueStoryArgs['data']): DataSource {
  if (data === 'error') return appCatalogueSource({ failReads: true });
  if (data === 'none') return appCatalogueSource({ apps: [], grants: [] });
  if (data === 'revoke-fails') return appCatalogueSource({ failRevoke: true });
  return appCatalogueSource();
}

function renderCatalogue(args: AppCatalogueStoryArgs): TemplateResult {
  return html`<carnet-provider locale=${args.locale} .dataSource=${sourceFor(args.data)}>
    <carnet-app-catalogue></carnet-app-catalogue>
  </carnet-provider>`;
}

const meta: Meta<AppCatalogueStoryArgs> = {
  title: 'People/App catalogue',
  component: 'carnet-app-catalogue',
  render: renderCatalogue,
  args: { locale: 'fr', data: 'listed' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    data: { control: 'inline-radio', options: ['listed', 'none', 'error', 'revoke-fails'] },
  },
};
export default meta;

type Story = StoryObj<AppCatalogueStoryArgs>;

/** Two apps: a document reader the patient allowed, a notebook that writes, not allowed. */
export const Listed: Story = {};

/** English strings, the platform's English words and the publishers' English texts. */
export const English: Story = { args: { locale: 'en' } };

/** No app listed on the platform. */
export const NoApp: Story = { args: { data: 'none' } };

/** Loading fails: a localized message with Retry. */
export const LoadError: Story = { args: { data: 'error' } };

/** Withdrawing fails: the question stays open with the reason. */
export const RevokeFails: Story = { args: { data: 'revoke-fails' } };

/** An on-device record: there is no catalogue, and the element says so. */
export const OnDevice: Story = {
  render: (args) =>
    html`<carnet-provider locale=${args.locale} db-name="carnet-story-app-catalogue">
      <carnet-app-catalogue></carnet-app-catalogue>
    </carnet-provider>`,
};
