import { LitElement, html as litHtml } from 'lit';
import { expect, fixture, html, waitUntil } from '../test-helpers/fixture.js';
import { LiveAnnouncer } from './announcer.js';
import { baseStyles } from './base.styles.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from './states.js';
import { stateStyles } from './states.styles.js';

/** A minimal element showing one shared state, to test the templates as a person meets them. */
class StateHarness extends LitElement {
  static override styles = [baseStyles, stateStyles];
  static override properties = { view: { type: String } };
  view: 'loading' | 'empty' | 'error' = 'loading';
  retries = 0;
  readonly announcer = new LiveAnnouncer(this);

  protected override render(): unknown {
    const state =
      this.view === 'loading'
        ? renderLoadingState({ label: 'Chargement des documents…', lines: 2 })
        : this.view === 'empty'
          ? renderEmptyState({ title: 'Aucun document', description: 'Ajoutez votre première ordonnance.' })
          : renderErrorState({ message: 'Le carnet est indisponible.', onRetry: () => this.retries++ });
    return litHtml`${state}${this.announcer.region()}`;
  }
}
customElements.define('carnet-state-harness', StateHarness);

describe('shared states and announcer', () => {
  it('loading: a busy status region with a spoken label and hidden skeleton lines', async () => {
    const el = await fixture<StateHarness>(html`<carnet-state-harness></carnet-state-harness>`);
    const region = el.shadowRoot?.querySelector('[part="loading"]');
    expect(region?.getAttribute('aria-busy')).to.equal('true');
    expect(region?.querySelectorAll('.skeleton-line')).to.have.length(2);
    expect(region?.querySelector('.skeleton')?.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('empty: a title and what to do next', async () => {
    const el = await fixture<StateHarness>(html`<carnet-state-harness view="empty"></carnet-state-harness>`);
    expect(el.shadowRoot?.querySelector('[part="empty"]')?.textContent)
      .to.contain('Aucun document')
      .and.contain('ordonnance');
    await expect(el).to.be.accessible();
  });

  it('error: an alert whose Retry calls back, emitting nothing itself', async () => {
    const el = await fixture<StateHarness>(html`<carnet-state-harness view="error"></carnet-state-harness>`);
    let bubbled = 0;
    el.addEventListener('carnet-error', () => bubbled++);
    const retry = el.shadowRoot?.querySelector<HTMLButtonElement>('button[part="retry"]');
    expect(retry?.textContent?.trim()).to.equal('Réessayer');
    retry?.click();
    retry?.click();
    expect(el.retries).to.equal(2);
    expect(bubbled).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('announces messages in a polite live region, again when repeated', async () => {
    const el = await fixture<StateHarness>(html`<carnet-state-harness view="empty"></carnet-state-harness>`);
    const region = el.shadowRoot?.querySelector('[aria-live="polite"][role="status"]');
    el.announcer.announce('Document ajouté');
    await waitUntil(() => region?.textContent === 'Document ajouté', 'announced');
    el.announcer.announce('Document ajouté');
    await el.updateComplete;
    expect(region?.textContent).to.equal('');
    await waitUntil(() => region?.textContent === 'Document ajouté', 'announced again');
  });

  it('hides text visually but keeps it for screen readers', async () => {
    const el = await fixture<StateHarness>(html`<carnet-state-harness></carnet-state-harness>`);
    const hidden = el.shadowRoot?.querySelector('.visually-hidden') as HTMLElement;
    expect(hidden.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(hidden).position).to.equal('absolute');
    expect(hidden.textContent).to.equal('Chargement des documents…');
  });
});
