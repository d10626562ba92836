import type { Plugin } from 'vite';

/** The source file a workspace import (`@carnet/...`) names through its `development` export, if any. */
export function workspaceSource(source: string): string | undefined;
/** Vite plugin: `@carnet/*` imports resolve to their sources in every mode. */
export function workspaceSources(): Plugin;
