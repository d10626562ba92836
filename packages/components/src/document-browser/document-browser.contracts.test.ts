import { sendKeys } from '@web/test-runner-commands';
import type { CareTeamMember } from '@carnet/catalog-sdk';
import { generateDocuments } from '@carnet/catalog-sdk/demo-data';
import { activate, dialogContract } from '../test-helpers/dialog-contract.js';
import { PATIENCE } from '../test-helpers/dialog-contract.js';
import { rovingFocusContract } from '../test-helpers/roving-focus-contract.js';
import { waitUntil } from '../test-helpers/fixture.js';
import type { CarnetDocumentBrowser } from './document-browser.js';
import { mountWithSource, part, rows } from './test-helpers/browser-fixtures.js';
import { createInMemoryDataSource } from './test-helpers/in-memory-source.js';

const TEAM: CareTeamMember[] = [{ id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin', specialty: 'Diabétologue' }];

function mountBrowser(): Promise<HTMLElement> {
  return mountWithSource(createInMemoryDataSource(generateDocuments(3, { persona: 'parkinson' }), { careTeam: TEAM }));
}

function firstRowButton(host: HTMLElement): HTMLButtonElement {
  const button = rows(host as CarnetDocumentBrowser)[0]?.querySelector<HTMLButtonElement>('.row-open');
  if (!button) throw new Error('no row shown');
  return button;
}

/** Opens the first document's preview with Enter on its row; returns the row's button. */
async function openPreview(host: HTMLElement): Promise<HTMLElement> {
  const row = firstRowButton(host);
  await activate(row);
  await waitUntil(
    () => part<HTMLDialogElement>(host as CarnetDocumentBrowser, 'dialog[part="preview"]').open,
    'preview',
    PATIENCE,
  );
  return row;
}

describe('<carnet-document-browser> shared contracts', () => {
  dialogContract([
    {
      name: 'the preview',
      mount: mountBrowser,
      open: openPreview,
      selector: 'dialog[part="preview"]',
      safeChoice: 'Fermer',
    },
    {
      name: 'the tag editor (from a row: focus returns to the row)',
      mount: mountBrowser,
      open: async (host) => {
        const row = firstRowButton(host);
        const tags = row.closest('li')?.querySelector<HTMLButtonElement>('[data-action="tags"]');
        if (!tags) throw new Error('no tags button');
        await activate(tags);
        return row;
      },
      selector: 'dialog[part="tag-editor"]',
      safeChoice: 'Ajouter une étiquette',
    },
    {
      name: 'the send dialog (above the preview)',
      mount: mountBrowser,
      open: async (host) => {
        // Escape closed only the send dialog: the preview may still be open.
        if (!part<HTMLDialogElement>(host as CarnetDocumentBrowser, 'dialog[part="preview"]').open)
          await openPreview(host);
        const send = part<HTMLButtonElement>(host as CarnetDocumentBrowser, 'button[part="send"]');
        await activate(send);
        const dialog = part<HTMLDialogElement>(host as CarnetDocumentBrowser, 'dialog[part="send-dialog"]');
        await waitUntil(() => dialog.querySelector('input[type="radio"]'), 'send form shown', PATIENCE);
        return send;
      },
      selector: 'dialog[part="send-dialog"]',
      safeChoice: /Dr Claire Martin/,
      // « Envoyer » is replaced by the confirmation: focus used to drop to the page.
      changeContent: async (host, dialog) => {
        await activate(part<HTMLButtonElement>(host as CarnetDocumentBrowser, 'button[part="send-confirm"]'));
        await waitUntil(() => dialog.querySelector('[part="send-confirmation"]'), 'sent', PATIENCE);
      },
      focusAfterChange: 'Fermer',
    },
    {
      name: 'the add-a-document dialog',
      mount: mountBrowser,
      open: async (host) => {
        const add = part<HTMLButtonElement>(host as CarnetDocumentBrowser, 'button[part="add"]');
        await activate(add);
        return add;
      },
      selector: 'dialog[part="upload-dialog"]',
      safeChoice: 'Fichier (PDF ou image)',
    },
  ]);

  it('Escape closes only the top dialog: the send dialog, then the preview', async () => {
    const host = await mountBrowser();
    await openPreview(host);
    await activate(part<HTMLButtonElement>(host as CarnetDocumentBrowser, 'button[part="send"]'));
    const send = part<HTMLDialogElement>(host as CarnetDocumentBrowser, 'dialog[part="send-dialog"]');
    const preview = part<HTMLDialogElement>(host as CarnetDocumentBrowser, 'dialog[part="preview"]');
    await waitUntil(() => send.open, 'send open', PATIENCE);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !send.open, 'send closed', PATIENCE);
    if (!preview.open) throw new Error('the preview closed with the send dialog');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !preview.open, 'preview closed', PATIENCE);
  });

  rovingFocusContract([
    {
      name: 'the document list',
      mount: mountBrowser,
      items: (host) =>
        rows(host as CarnetDocumentBrowser).flatMap((row) => [...row.querySelectorAll<HTMLElement>('.row-open')]),
      nextKey: 'ArrowDown',
      previousKey: 'ArrowUp',
    },
  ]);
});
