import type { StorybookConfig } from '@storybook/web-components-vite';
import { fileURLToPath } from 'node:url';

const sdk = fileURLToPath(new URL('../packages/catalog-sdk/src', import.meta.url));

const config: StorybookConfig = {
  stories: ['../packages/components/src/**/*.mdx', '../packages/components/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [{ from: '../packages/components/themes', to: '/themes' }],
  async viteFinal(viteConfig) {
    // Stories run against the SDK's sources, like the tests do.
    viteConfig.resolve ??= {};
    viteConfig.resolve.alias = [
      { find: '@carnet/catalog-sdk/demo-data', replacement: `${sdk}/demo-data/index.ts` },
      { find: '@carnet/catalog-sdk', replacement: `${sdk}/index.ts` },
      ...(Array.isArray(viteConfig.resolve.alias) ? viteConfig.resolve.alias : []),
    ];
    return viteConfig;
  },
};

export default config;
