import { loadOnce } from '../shared/load-once.js';
import type { LoadOnce } from '../shared/load-once.js';
import type * as AgendaEditingParts from './agenda-editing.panel.js';

/** The agenda's editing part (`agenda-editing.panel.ts`), a chunk of its own in the CDN build. */
export type AgendaEditingModule = typeof AgendaEditingParts;

const importEditing = (): Promise<AgendaEditingModule> => import('./agenda-editing.panel.js');

let loader: LoadOnce<AgendaEditingModule> = loadOnce(importEditing);

/** Loads the editing part once (a failed load is tried again by the next call). */
export function loadAgendaEditing(): Promise<AgendaEditingModule> {
  return loader();
}

/** The editing part once loaded, else `undefined`. */
export function loadedAgendaEditing(): AgendaEditingModule | undefined {
  return loader.loaded;
}

/**
 * Tests only: starts over as on a page that has not loaded the editing part yet, loading it
 * with `load` (to hold it back or make it fail; by default the real `import()`).
 * @internal
 */
export function resetAgendaEditingLoader(load: () => Promise<AgendaEditingModule> = importEditing): void {
  loader = loadOnce(load);
}
