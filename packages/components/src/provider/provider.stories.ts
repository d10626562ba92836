import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PATHOLOGIES } from '@carnet/catalog-sdk';
import type { Pathology } from '@carnet/catalog-sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../record-summary/record-summary.js';
import './provider.js';
import { THEME_CLASSES, themeSheetLink } from '../test-helpers/story-themes.js';

/** Controls of the provider stories. */
interface ProviderStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  demoPersona?: Pathology;
  pathology?: Pathology;
  /** Class of a theme from `packages/components/themes/`. */
  themeClass?: string;
}

function renderProvider(args: ProviderStoryArgs): TemplateResult {
  return html`
    ${themeSheetLink(args.themeClass)}
    <carnet-provider
      class=${ifDefined(args.themeClass)}
      locale=${args.locale}
      db-name=${args.dbName}
      demo-persona=${ifDefined(args.demoPersona)}
      pathology=${ifDefined(args.pathology)}
      style="padding: 1rem"
    >
      <carnet-record-summary></carnet-record-summary>
    </carnet-provider>
  `;
}

const meta: Meta<ProviderStoryArgs> = {
  title: 'Foundation/Provider',
  component: 'carnet-provider',
  render: renderProvider,
  args: { locale: 'fr', dbName: 'storybook-provider' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    demoPersona: { control: 'select', options: [undefined, ...PATHOLOGIES] },
    pathology: { control: 'select', options: [undefined, ...PATHOLOGIES] },
    themeClass: { control: 'select', options: [undefined, ...THEME_CLASSES] },
  },
};
export default meta;

type Story = StoryObj<ProviderStoryArgs>;

/** No attributes: an empty record kept on this device. */
export const EmptyLocalRecord: Story = {
  args: { dbName: 'storybook-provider-empty' },
};

/** Demo persona with type 1 diabetes (synthetic), in French. */
export const DiabetesPersona: Story = {
  args: { dbName: 'storybook-provider-diabetes', demoPersona: 'diabetes' },
};

/** Demo persona with Parkinson's disease (synthetic), in French. */
export const ParkinsonPersona: Story = {
  args: { dbName: 'storybook-provider-parkinson', demoPersona: 'parkinson' },
};

/** Demo persona with chronic kidney disease (synthetic), in French. */
export const KidneyPersona: Story = {
  args: { dbName: 'storybook-provider-kidney', demoPersona: 'kidney' },
};

/** The same record in English. */
export const ParkinsonPersonaInEnglish: Story = {
  args: { dbName: 'storybook-provider-parkinson-en', demoPersona: 'parkinson', locale: 'en' },
};

/** The record could not be opened (an empty database name is refused): error with Retry. */
export const RecordError: Story = {
  args: { dbName: ' ' },
};

/** Dark theme (`themes/dark.css`). */
export const DarkTheme: Story = {
  args: { dbName: 'storybook-provider-dark', demoPersona: 'diabetes', themeClass: 'carnet-theme-dark' },
};

/** High-contrast theme (`themes/high-contrast.css`). */
export const HighContrastTheme: Story = {
  args: { dbName: 'storybook-provider-high-contrast', demoPersona: 'kidney', themeClass: 'carnet-theme-high-contrast' },
};

/** An association's brand theme (`themes/association-example.css`). */
export const AssociationTheme: Story = {
  args: { dbName: 'storybook-provider-association', demoPersona: 'parkinson', themeClass: 'carnet-theme-association' },
};

/** A connected provider around a record summary, for the connected-mode stories. */
function renderConnected(issuer: string, locale: CarnetLocale): TemplateResult {
  return html`<carnet-provider
    locale=${locale}
    issuer=${issuer}
    client-id="carnet-demo"
    fhir-base-url="http://localhost:4020/fhir"
    sign-in="popup"
    style="padding: 1rem"
  >
    <carnet-record-summary></carnet-record-summary>
  </carnet-provider>`;
}

/**
 * Connected mode, signed out: the sign-in prompt. Needs the demo platform
 * (`npm start`); signing in from Storybook is refused (its page is not a
 * registered redirect URI): use the demo site's connected page for that.
 */
export const ConnectedSignInPrompt: Story = {
  render: (args) => renderConnected('http://localhost:4010', args.locale),
};

/** Connected mode with the OpenID provider unreachable: the error with Retry. */
export const ConnectedProviderUnreachable: Story = {
  render: (args) => renderConnected('http://127.0.0.1:9', args.locale),
};
