import { msg } from '@lit/localize';
import { emit } from '../events/emit.js';

/**
 * How to load each element's code, by tag name: `{ 'carnet-agenda': () => import('…/agenda.js') }`.
 * Each loader imports a module that registers its tag.
 */
export type ElementLoaders = Readonly<Record<string, () => Promise<unknown>>>;

/** Marks the message an autoloader leaves inside an element whose code could not be loaded. */
const FALLBACK_ATTRIBUTE = 'data-carnet-load-error';

/**
 * Loads the code of each Carnet element the first time its tag appears in a watched tree: the
 * CDN's `carnet.js` registers `<carnet-provider>` at once and every other element this way, so
 * one `<script type="module">` serves any page, and the page downloads the code of the elements
 * it shows (and of those added later, by a framework for instance), not of the others.
 *
 * A document is watched with a `MutationObserver`; shadow roots are not (nobody can observe a
 * closed one): an app that renders Carnet elements inside its own shadow roots calls
 * {@link ElementAutoloader.discover} on them, or imports the elements' own files.
 *
 * When an element's code cannot be downloaded (the network dropped, a deployment replaced the
 * files), the element would stay blank: the autoloader puts a short message with a « Réessayer »
 * button inside it (a defined element's shadow root hides it) and dispatches `carnet-error`
 * (code `network`) from it. Retrying, coming back online or discovering the element again tries
 * the download again.
 */
export class ElementAutoloader {
  private readonly loaders: ElementLoaders;
  private readonly loading = new Map<string, Promise<void>>();
  private readonly selector: string;
  private observer: MutationObserver | undefined;
  private readonly onOnline = (): void => void this.retryFailed();
  private readonly failed = new Set<string>();

  constructor(loaders: ElementLoaders) {
    this.loaders = loaders;
    this.selector = Object.keys(loaders).join(',');
  }

  /** Tag names this autoloader knows how to load. */
  get tags(): readonly string[] {
    return Object.keys(this.loaders);
  }

  /**
   * Loads the code of every element of `root` (and `root` itself when it is one) whose tag is not
   * defined yet. Resolves once those loads have settled; never rejects.
   */
  discover(root: ParentNode | Element): Promise<void> {
    if (!this.selector) return Promise.resolve();
    const found = new Map<string, Element[]>();
    const note = (element: Element): void => {
      const tag = element.localName;
      if (!(tag in this.loaders) || customElements.get(tag)) return;
      const list = found.get(tag);
      if (list) list.push(element);
      else found.set(tag, [element]);
    };
    if (root instanceof Element) note(root);
    for (const element of root.querySelectorAll(this.selector)) note(element);
    return Promise.all([...found].map(([tag, elements]) => this.load(tag, elements))).then(() => undefined);
  }

  /** Loads every element's code, wherever it is used (for pages rendering into shadow roots). */
  loadAll(): Promise<void> {
    return Promise.all(this.tags.map((tag) => this.load(tag, []))).then(() => undefined);
  }

  /**
   * Discovers `root` now, then every element added under it later, until {@link disconnect} or
   * until every known element is defined.
   */
  observe(root: Document | Element = document): void {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof Element) void this.discover(node);
    });
    this.observer.observe(root, { childList: true, subtree: true });
    globalThis.addEventListener('online', this.onOnline);
    void this.discover(root instanceof Document ? root.documentElement : root);
  }

  /** Stops watching for new elements (loads under way still finish). */
  disconnect(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    globalThis.removeEventListener('online', this.onOnline);
  }

  private load(tag: string, elements: readonly Element[]): Promise<void> {
    const pending = this.loading.get(tag);
    if (pending) return pending;
    const loader = this.loaders[tag];
    if (!loader) return Promise.resolve();
    const attempt = loader().then(
      () => {
        this.loading.delete(tag);
        this.failed.delete(tag);
        // Every element is defined: nothing left to watch the page for.
        if (this.tags.every((known) => customElements.get(known) !== undefined)) this.disconnect();
        for (const fallback of document.querySelectorAll(`${tag} > [${FALLBACK_ATTRIBUTE}]`)) fallback.remove();
        for (const element of elements) element.querySelector(`:scope > [${FALLBACK_ATTRIBUTE}]`)?.remove();
      },
      (error: unknown) => {
        // The next discovery of this tag (or Retry, or the page coming back online) tries again.
        this.loading.delete(tag);
        this.failed.add(tag);
        for (const element of elements) this.showFailure(element, tag, error);
      },
    );
    this.loading.set(tag, attempt);
    return attempt;
  }

  private retryFailed(): Promise<void> {
    const tags = [...this.failed];
    return Promise.all(tags.map((tag) => this.load(tag, [...document.querySelectorAll(tag)]))).then(() => undefined);
  }

  private showFailure(element: Element, tag: string, error: unknown): void {
    // Codes and a developer message only: the tag and the kind of failure, no record content.
    const reason = error instanceof Error ? error.name : 'Error';
    emit(element, 'carnet-error', {
      code: 'network',
      messageKey: 'error.network',
      message: `The code of <${tag}> could not be downloaded (${reason}).`,
    });
    if (element.querySelector(`:scope > [${FALLBACK_ATTRIBUTE}]`)) return;
    const box = document.createElement('p');
    box.setAttribute(FALLBACK_ATTRIBUTE, '');
    box.setAttribute('role', 'alert');
    box.append(msg(`Cette partie du carnet n'a pas pu être chargée. Vérifiez votre connexion.`), ' ');
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = msg('Réessayer');
    retry.addEventListener('click', () => {
      retry.disabled = true;
      void this.load(tag, [element]).then(() => {
        retry.disabled = false;
        if (customElements.get(tag) === undefined) retry.focus();
      });
    });
    box.append(retry);
    element.append(box);
  }
}

/**
 * Starts an {@link ElementAutoloader} on the document (once it exists) and returns it. Used by the
 * CDN's `carnet.js`.
 */
export function autoloadElements(loaders: ElementLoaders): ElementAutoloader {
  const autoloader = new ElementAutoloader(loaders);
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return autoloader;
  autoloader.observe(document);
  return autoloader;
}
