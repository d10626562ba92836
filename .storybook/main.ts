import type { StorybookConfig } from '@storybook/web-components-vite';
import { workspaceSources } from '../scripts/workspace-sources.mjs';

const config: StorybookConfig = {
  stories: ['../packages/components/src/**/*.mdx', '../packages/components/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [{ from: '../packages/components/themes', to: '/themes' }],
  async viteFinal(viteConfig) {
    // Stories run against the SDK's sources, like the tests do (its `development` export).
    viteConfig.plugins = [workspaceSources(), ...(viteConfig.plugins ?? [])];
    return viteConfig;
  },
};

export default config;
