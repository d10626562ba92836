import { fixtureSync, expect, html, waitUntil } from '../test-helpers/fixture.js';
import type { CarnetProvider } from './provider.js';
import './provider.js';
import '../document-browser/document-browser.js';
import '../agenda/agenda.js';
import '../pill-organiser/pill-organiser.js';
import '../forum-feed/forum-feed.js';
import '../record-summary/record-summary.js';

const WIDGETS = [
  'carnet-document-browser',
  'carnet-agenda',
  'carnet-pill-organiser',
  'carnet-forum-feed',
  'carnet-record-summary',
] as const;

describe('<carnet-provider> that cannot open the record', () => {
  it('lets every widget inside show its error with a way out, never « Chargement… » for ever', async () => {
    const provider = fixtureSync<CarnetProvider>(
      html`<carnet-provider db-name="   ">
        <carnet-document-browser></carnet-document-browser>
        <carnet-agenda></carnet-agenda>
        <carnet-pill-organiser></carnet-pill-organiser>
        <carnet-forum-feed community="diabetes"></carnet-forum-feed>
        <carnet-record-summary></carnet-record-summary>
      </carnet-provider>`,
    );
    for (const tag of WIDGETS) {
      const widget = provider.querySelector(tag) as HTMLElement;
      await waitUntil(
        () => widget.matches(':state(error)') && widget.shadowRoot?.querySelector('[role="alert"]'),
        `${tag} shows its error state`,
      );
      expect(widget.shadowRoot?.textContent ?? '', tag).not.to.match(/Chargement/);
    }
  });

  it('never leaves a forum feed without a community in its loading state', async () => {
    const provider = fixtureSync<CarnetProvider>(
      html`<carnet-provider db-name="   "><carnet-forum-feed></carnet-forum-feed></carnet-provider>`,
    );
    const feed = provider.querySelector('carnet-forum-feed') as HTMLElement;
    await waitUntil(
      () => provider.matches(':state(error)') || provider.shadowRoot?.querySelector('[role="alert"]'),
      'provider failed',
    );
    await waitUntil(() => !feed.matches(':state(loading)'), 'the feed leaves its loading state');
    expect(feed.matches(':state(empty)')).to.equal(true);
    expect(feed.shadowRoot?.textContent ?? '').to.contain('Aucune communauté choisie.');
  });
});
