import { expect, fixtureSync, html, oneEvent } from '../test-helpers/fixture.js';
import type { CarnetErrorEvent } from './carnet-error.js';
import { emit } from './emit.js';

describe('emit', () => {
  it('dispatches a typed event that bubbles out of a shadow root to the document', async () => {
    const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    const received = oneEvent(document, 'carnet-error');
    emit(inner, 'carnet-error', { code: 'storage', messageKey: 'error.storage', message: 'quota exceeded' });
    const event: CarnetErrorEvent = await received;
    expect(event.detail).to.deep.equal({ code: 'storage', messageKey: 'error.storage', message: 'quota exceeded' });
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    // Retargeted: outside the shadow root the event seems to come from its host.
    expect(event.target).to.equal(host);
  });

  it('lets listeners veto a cancelable event and reports it', async () => {
    const target = fixtureSync<HTMLDivElement>(html`<div></div>`);
    target.addEventListener('carnet-session-change', (event) => event.preventDefault(), { once: true });
    const notVetoed = emit(
      target,
      'carnet-session-change',
      { authenticated: true, patientId: 'p-1' },
      { cancelable: true },
    );
    expect(notVetoed).to.equal(false);
  });

  it('ignores preventDefault on events that are not cancelable', async () => {
    const target = fixtureSync<HTMLDivElement>(html`<div></div>`);
    let seen: string | undefined;
    target.addEventListener(
      'carnet-record-open',
      (event) => {
        seen = event.detail.documentId;
        event.preventDefault();
      },
      { once: true },
    );
    expect(emit(target, 'carnet-record-open', { documentId: 'doc-42' })).to.equal(true);
    expect(seen).to.equal('doc-42');
  });
});
