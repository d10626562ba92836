import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CareTeamMember, DataSource, Pathology } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';
import { FRENCH_DOCUMENTS, tinyPdf, tinyPng } from './test-helpers/sample-documents.js';
import '../provider/provider.js';
import './document-browser.js';
import { localSourceWithFault } from '../test-helpers/story-faults.js';
import { themeSheetLink } from '../test-helpers/story-themes.js';

/**
 * Where a story's documents come from:
 * - `persona`: the provider's local record seeded with a synthetic persona (no stored files:
 *   the preview says so);
 * - `files`: six French documents with a real PDF or PNG each, in memory, to try the preview;
 * - `ten-thousand`: 10,000 generated documents in an in-memory `DataSource` whose `listAll`
 *   answers at once (IndexedDB would spend seconds importing them on every story load);
 * - `never-answers` / `fails`: loading and error states.
 */
type Feed = 'persona' | 'files' | 'ten-thousand' | 'never-answers' | 'fails';

interface BrowserStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  demoPersona?: Pathology;
  feed: Feed;
  themeClass?: string;
  /** Width of the frame, to see the folded facets of small screens. */
  width: string;
}

const CARE_TEAM: CareTeamMember[] = [
  {
    id: 'story-pro-1',
    name: 'Dr Claire Martin',
    family: 'Martin',
    specialty: 'Diabétologue',
    organisation: 'CHU de Lyon',
  },
  { id: 'story-pro-2', name: 'Dr Paul Durand', family: 'Durand', specialty: 'Médecin généraliste' },
];

function filesSource(): DataSource {
  const source = createInMemoryDataSource([], { careTeam: CARE_TEAM });
  FRENCH_DOCUMENTS.forEach((document, index) => {
    // One hidden from professionals: its badge, the filter, and its preview's « Ne plus masquer ».
    const hidden = { ...document, hiddenFromProfessionals: index === 1 };
    void source.documents.create(hidden, document.contentType === 'image/png' ? tinyPng() : tinyPdf());
  });
  return source;
}

function injectedSource(args: BrowserStoryArgs): DataSource | undefined {
  switch (args.feed) {
    case 'persona':
      return undefined;
    case 'files':
      return filesSource();
    case 'ten-thousand':
      return createInMemoryDataSource(generateDocuments(10_000), { careTeam: CARE_TEAM });
    case 'never-answers':
    case 'fails':
      return localSourceWithFault(args.dbName, 'documents', 'listAll', args.feed);
  }
}

function renderBrowser(args: BrowserStoryArgs): TemplateResult {
  return html`
    ${themeSheetLink(args.themeClass)}
    <carnet-provider
      class=${ifDefined(args.themeClass)}
      locale=${args.locale}
      db-name=${args.dbName}
      demo-persona=${ifDefined(args.feed === 'persona' ? args.demoPersona : undefined)}
      .dataSource=${injectedSource(args)}
      style="display: block; padding: 1rem; max-inline-size: ${args.width}"
    >
      <carnet-document-browser></carnet-document-browser>
    </carnet-provider>
  `;
}

const meta: Meta<BrowserStoryArgs> = {
  title: 'Widgets/Document browser',
  component: 'carnet-document-browser',
  render: renderBrowser,
  args: { locale: 'fr', dbName: 'storybook-documents', feed: 'persona', demoPersona: 'diabetes', width: '72rem' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    feed: { control: 'select', options: ['persona', 'files', 'ten-thousand', 'never-answers', 'fails'] },
    demoPersona: { control: 'select', options: ['diabetes', 'parkinson', 'kidney'] },
    themeClass: { control: 'select', options: [undefined, 'carnet-theme-dark', 'carnet-theme-high-contrast'] },
  },
};
export default meta;

type Story = StoryObj<BrowserStoryArgs>;

/** The diabetes persona's few hundred documents. */
export const Diabetes: Story = { args: { dbName: 'storybook-documents-diabetes', demoPersona: 'diabetes' } };

/** Parkinson's persona. */
export const Parkinson: Story = { args: { dbName: 'storybook-documents-parkinson', demoPersona: 'parkinson' } };

/** Kidney disease persona. */
export const Kidney: Story = { args: { dbName: 'storybook-documents-kidney', demoPersona: 'kidney' } };

/** In English: strings, kind labels, dates and counts. */
export const English: Story = {
  args: { dbName: 'storybook-documents-english', demoPersona: 'parkinson', locale: 'en' },
};

/** Documents with real files, one hidden from professionals: open one to see the preview, download it, send or hide it. */
export const WithFiles: Story = { args: { feed: 'files' } };

/** 10,000 documents in an in-memory source: the list stays smooth, search answers per keystroke. */
export const TenThousandDocuments: Story = { args: { feed: 'ten-thousand' } };

/** The record never answers: the busy skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-documents-loading', feed: 'never-answers' } };

/** A record with no document yet. */
export const Empty: Story = { args: { dbName: 'storybook-documents-empty', demoPersona: undefined } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-documents-error', feed: 'fails' } };

/** Small screen: the facets fold behind a button. */
export const SmallScreen: Story = {
  args: { dbName: 'storybook-documents-small', demoPersona: 'kidney', width: '24rem' },
};

/** Dark theme. */
export const DarkTheme: Story = {
  args: { dbName: 'storybook-documents-dark', demoPersona: 'diabetes', themeClass: 'carnet-theme-dark' },
};

/** High-contrast theme. */
export const HighContrastTheme: Story = {
  args: {
    dbName: 'storybook-documents-high-contrast',
    demoPersona: 'kidney',
    themeClass: 'carnet-theme-high-contrast',
  },
};

/** English in the dark theme with files. */
export const EnglishDarkWithFiles: Story = { args: { feed: 'files', locale: 'en', themeClass: 'carnet-theme-dark' } };

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  args: { dbName: 'storybook-documents-diabetes', demoPersona: 'diabetes' },
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  args: { dbName: 'storybook-documents-diabetes', demoPersona: 'diabetes' },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};
