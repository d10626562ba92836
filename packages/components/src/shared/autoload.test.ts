import { expect, fixtureSync, html, waitUntil } from '../test-helpers/fixture.js';
import { ElementAutoloader } from './autoload.js';
import type { CarnetErrorEvent } from '../events/carnet-error.js';

// Tags of this file only (a tag cannot be undefined again): each test defines its own.
let counter = 0;
const uniqueTag = (): string => `carnet-autoload-test-${(counter += 1)}`;

/** A loader that registers `tag` (as an element's own file does) and counts its calls. */
function loaderOf(
  tag: string,
  options: { failures?: number } = {},
): { load: () => Promise<void>; calls: () => number } {
  let calls = 0;
  let failures = options.failures ?? 0;
  return {
    calls: () => calls,
    load: async () => {
      calls += 1;
      if (failures > 0) {
        failures -= 1;
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      if (!customElements.get(tag))
        customElements.define(
          tag,
          class extends HTMLElement {
            connectedCallback(): void {
              this.attachShadow({ mode: 'open' }).textContent = 'chargé';
            }
          },
        );
    },
  };
}

describe('ElementAutoloader (carnet.js: an element’s code loads when its tag appears)', () => {
  let autoloader: ElementAutoloader | undefined;
  afterEach(() => autoloader?.disconnect());

  it('loads the elements on the page, and only those', async () => {
    const [shown, absent] = [uniqueTag(), uniqueTag()];
    const [a, b] = [loaderOf(shown), loaderOf(absent)];
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    host.append(document.createElement(shown));
    autoloader = new ElementAutoloader({ [shown]: a.load, [absent]: b.load });
    autoloader.observe(document);
    await waitUntil(() => customElements.get(shown), 'the element on the page was never loaded');
    expect(host.querySelector(shown)?.shadowRoot?.textContent).to.equal('chargé');
    expect(b.calls()).to.equal(0);
  });

  it('loads an element added later, as a framework renders it', async () => {
    const tag = uniqueTag();
    const loader = loaderOf(tag);
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    autoloader = new ElementAutoloader({ [tag]: loader.load });
    autoloader.observe(document);
    expect(loader.calls()).to.equal(0);
    const wrapper = document.createElement('section');
    wrapper.append(document.createElement(tag));
    host.append(wrapper);
    await waitUntil(() => customElements.get(tag), 'the added element was never loaded');
    expect(loader.calls()).to.equal(1);
  });

  it('loads an element inside a shadow root it is given, once for many elements', async () => {
    const tag = uniqueTag();
    const loader = loaderOf(tag);
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.append(document.createElement(tag), document.createElement(tag));
    autoloader = new ElementAutoloader({ [tag]: loader.load });
    autoloader.observe(document);
    await autoloader.discover(root);
    expect(customElements.get(tag)).to.not.equal(undefined);
    expect(loader.calls()).to.equal(1);
  });

  it('never leaves an element blank when its code fails: a message, carnet-error, and Réessayer loads it', async () => {
    const tag = uniqueTag();
    const loader = loaderOf(tag, { failures: 2 });
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    const element = document.createElement(tag);
    const errors: CarnetErrorEvent[] = [];
    host.addEventListener('carnet-error', (event) => errors.push(event));
    host.append(element);
    autoloader = new ElementAutoloader({ [tag]: loader.load });
    await autoloader.discover(host);
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain("n'a pas pu être chargée");
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['network']);
    expect(errors[0]?.detail.message).to.contain(`<${tag}>`);

    // A second failure keeps one message, and focus on Réessayer.
    const retry = alert?.querySelector('button');
    expect(retry?.textContent).to.equal('Réessayer');
    retry?.focus();
    retry?.click();
    await waitUntil(() => loader.calls() === 2 && retry?.disabled === false, 'the retry never settled');
    expect(element.querySelectorAll('[role="alert"]').length).to.equal(1);
    expect(document.activeElement).to.equal(retry);

    retry?.click();
    await waitUntil(() => customElements.get(tag), 'Réessayer never loaded the element');
    await waitUntil(() => !element.querySelector('[role="alert"]'), 'the message stayed after loading');
    expect(element.shadowRoot?.textContent).to.equal('chargé');
  });

  it('tries again when the page comes back online', async () => {
    const tag = uniqueTag();
    const loader = loaderOf(tag, { failures: 1 });
    const host = fixtureSync<HTMLElement>(html`<div></div>`);
    host.append(document.createElement(tag));
    autoloader = new ElementAutoloader({ [tag]: loader.load });
    autoloader.observe(document);
    await waitUntil(() => host.querySelector('[role="alert"]'), 'the failure was never shown');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => customElements.get(tag), 'coming back online never loaded the element');
    await waitUntil(() => !host.querySelector('[role="alert"]'), 'the message stayed after loading');
  });
});
