import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import customElements from '../packages/components/custom-elements.json';

// Docs, controls and argTypes come from the Custom Elements Manifest.
setCustomElementsManifest(customElements);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { toc: true },
    // Phone widths of the issue-15 checks: each widget has Phone390 and Phone320 stories.
    viewport: {
      options: {
        ...MINIMAL_VIEWPORTS,
        phone390: { name: 'Phone 390 px', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        phone320: { name: 'Phone 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' },
      },
    },
  },
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Langue / Language',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'fr' },
  tags: ['autodocs'],
};

export default preview;
