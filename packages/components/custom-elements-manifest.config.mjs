// Custom Elements Manifest: the source of truth for docs, Storybook controls and IDE data.
export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/test-helpers/**',
    'src/**/*.test.ts',
    'src/**/*.stories.ts',
    'src/**/*.bench.ts',
    'src/generated/**',
    'src/frameworks/**',
  ],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
