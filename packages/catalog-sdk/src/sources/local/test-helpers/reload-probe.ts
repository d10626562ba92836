// A page that writes a record on first load and reads it back after a real reload (see local-data-source.test.ts).
import { createLocalDataSource } from '../local-data-source.js';
import { newDocument } from './fixtures.js';

/** What the probe page tells the test page. */
export interface ReloadProbeMessage {
  probe: 'carnet-reload';
  phase: 'written' | 'read' | 'error';
  /** Loads of this page so far, counted in sessionStorage (survives the reload). */
  loads: number;
  titles?: string[];
  content?: string;
  pseudonym?: string;
  error?: string;
}

async function run(): Promise<Omit<ReloadProbeMessage, 'probe' | 'loads'>> {
  const dbName = new URLSearchParams(location.search).get('db') ?? '';
  const source = createLocalDataSource({ dbName });
  try {
    const documents = await source.documents.listAll();
    if (documents.length === 0) {
      await source.documents.create(
        newDocument({ title: 'Compte rendu écrit avant rechargement' }),
        new Blob(['contenu PDF'], { type: 'application/pdf' }),
      );
      await source.forum.setPseudonym('Colibri_42');
      return { phase: 'written' };
    }
    const content = await source.documents.getContent(documents[0]!.id);
    return {
      phase: 'read',
      titles: documents.map((d) => d.title),
      content: await content.text(),
      pseudonym: await source.forum.getPseudonym(),
    };
  } finally {
    source.close();
  }
}

const loadsKey = `carnet-reload-probe-loads-${location.search}`;
const loads = Number(sessionStorage.getItem(loadsKey) ?? '0') + 1;
sessionStorage.setItem(loadsKey, String(loads));
run()
  .then((result) =>
    parent.postMessage({ probe: 'carnet-reload', loads, ...result } satisfies ReloadProbeMessage, location.origin),
  )
  .catch((error: unknown) =>
    parent.postMessage(
      {
        probe: 'carnet-reload',
        loads,
        phase: 'error',
        error: error instanceof Error ? error.name : 'unknown',
      } satisfies ReloadProbeMessage,
      location.origin,
    ),
  );
