import type { DataSource, HealthDocument } from '@carnet/catalog-sdk';
import { createInMemoryDataSource } from '../document-browser/test-helpers/in-memory-source.js';
import { DOCUMENT, MemoryMessages } from './test-helpers/memory-messages.js';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetMessages } from './messages.js';
import './messages.js';

const HIDDEN: HealthDocument = {
  ...DOCUMENT,
  id: 'doc-2',
  title: 'Compte rendu masqué',
  hiddenFromProfessionals: true,
};

describe('<carnet-messages>: a document hidden from professionals', () => {
  it('is never offered as an attachment; the others are', async () => {
    const base = createInMemoryDataSource([{ ...DOCUMENT, hiddenFromProfessionals: false }, HIDDEN], {
      careTeam: [{ id: 'pro-1', name: 'Dr Claire Martin', family: 'Martin' }],
    });
    const source = { ...base, documents: base.documents, messages: new MemoryMessages() } as DataSource;
    const element = await fixture<CarnetMessages>(html`<carnet-messages .dataSource=${source}></carnet-messages>`);
    // She starts a message to her professional, as from the « start » menu.
    await waitUntil(() => element.shadowRoot?.querySelector('.start select'), 'the start menu', { timeout: 10_000 });
    const start = element.shadowRoot?.querySelector<HTMLSelectElement>('.start select');
    if (!start) throw new Error('no start menu');
    start.value = 'pro-1';
    start.dispatchEvent(new Event('change'));
    await waitUntil(() => element.shadowRoot?.querySelector('#message-attach'), 'the attach menu', { timeout: 10_000 });
    const options = [...(element.shadowRoot?.querySelectorAll('#message-attach option') ?? [])].map((option) =>
      option.textContent?.trim(),
    );
    expect(options).to.include('Bilan sanguin de mars');
    expect(options).to.not.include('Compte rendu masqué');
  });
});
