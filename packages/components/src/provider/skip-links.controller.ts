import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { CarnetWidget, skipLinkTo, watchSkipLink } from '../shared/carnet-element.js';
import type { SkipLink } from '../shared/carnet-element.js';

/**
 * The provider's skip links: one « Aller à … » per widget it holds, first in the Tab order
 * and shown when focused, so that a keyboard user reaches the document search or the dose
 * to take now in a few key presses instead of tabbing through every widget before it.
 * Offered from two widgets on (one widget needs none).
 */
export class SkipLinksController implements ReactiveController {
  private links: readonly SkipLink[] = [];
  private widgets: CarnetWidget[] = [];
  private readonly observer = new MutationObserver(() => this.collect());

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(this.host, { childList: true, subtree: true });
    this.collect();
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  /** The links, before the widgets. */
  render(): TemplateResult | typeof nothing {
    if (this.links.length < 2) return nothing;
    return html`<nav class="skip-links" part="skip-links" aria-label=${msg('Accès rapide')}>
      ${this.links.map(
        (link) =>
          html`<button type="button" class="skip-link touch-target" @click=${() => link.go()}>
            ${msg(str`Aller à : ${link.label}`)}
          </button>`,
      )}
    </nav>`;
  }

  /** The widgets of this provider (not of a provider nested in it), in the page's order. */
  private collect(): void {
    const host = this.host;
    this.widgets = [...host.querySelectorAll('*')].filter(
      (element): element is CarnetWidget =>
        element instanceof CarnetWidget && element.parentElement?.closest(host.localName) === host,
    );
    for (const widget of this.widgets) watchSkipLink(widget, () => this.refresh());
    this.refresh();
  }

  /** Reads the widgets' names again (after one rendered); the links change only when a name did. */
  private refresh(): void {
    const links = this.widgets.map(skipLinkTo).filter((link) => link.label !== '');
    const same =
      links.length === this.links.length && links.every((link, index) => link.label === this.links[index]?.label);
    this.links = links;
    if (!same) this.host.requestUpdate();
  }
}
