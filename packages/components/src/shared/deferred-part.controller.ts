import { adoptStyles } from 'lit';
import type { CSSResultOrNative, ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';
import type { LoadOnce } from './load-once.js';

/** What a part loaded on demand gives once its code is there. */
export interface DeferredPartOptions<Module, Part> {
  /**
   * The part's code, loaded once (`loadOnce`). Read on every use, so a test can replace how the
   * module is imported (to hold it back or fail it, as a network would).
   */
  loader: () => LoadOnce<Module>;
  /** Makes this element's part from the loaded module. */
  create: (module: Module) => Part;
  /** Style sheets the part brings, adopted after the element's own before it first shows. */
  styles?: (module: Module) => readonly CSSResultOrNative[];
  /** The controls that open the part (a selector): pointing at or focusing one starts the download. */
  openers?: string;
}

/**
 * A part of an element whose code loads on demand — typically its dialogs (the pill organiser's,
 * the document browser's): on the first opening, or earlier when the patient points at or focuses
 * a control that opens one (`preload`).
 *
 * - While the code loads, the control that asked is `opening` (show it busy); a second activation
 *   of it does nothing, another control's activation replaces it.
 * - Escape meanwhile (or the element leaving the page) forgets the request: nothing pops up later.
 * - Once loaded, `show` runs as it always did (focus inside the dialog, back to the control).
 * - When the code cannot load, that control is `failed` (show its error): the next activation
 *   tries again.
 *
 * An opener is any string naming the control, e.g. `upload` or `preview:<document id>`.
 */
export class DeferredPartController<Module, Part> implements ReactiveController {
  #part: Part | undefined;
  #opening: string | undefined;
  #failed: string | undefined;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: DeferredPartOptions<Module, Part>;

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#opening !== undefined) this.cancel();
  };

  constructor(host: ReactiveControllerHost & HTMLElement, options: DeferredPartOptions<Module, Part>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown);
  }

  /** A part asked for does not open after its element left the page. */
  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown);
    this.#opening = undefined;
  }

  /** The part, once its code has loaded and this element opened it once. */
  get part(): Part | undefined {
    return this.#part;
  }

  /** The control waiting for the part's code. */
  get opening(): string | undefined {
    return this.#opening;
  }

  /** The control whose part could not open because its code did not load. */
  get failed(): string | undefined {
    return this.#failed;
  }

  /** Starts loading the part's code (the patient points at or focuses a control that opens it). */
  preload(): void {
    const load = this.options.loader();
    if (this.#part || load.loaded) return;
    // A failure here is not shown: the next opening tries again and says it.
    load().catch(() => undefined);
  }

  /**
   * Listener for `pointerover` and `focusin` on the element's content: starts the download when the
   * patient points at or focuses one of `openers`.
   */
  readonly preloadOn = (event: Event): void => {
    const openers = this.options.openers;
    if (this.#part || !openers) return;
    const target = event.composedPath()[0];
    if (target instanceof Element && target.closest(openers)) this.preload();
  };

  /** Forgets the control waiting for the code (Escape): nothing opens when it arrives. */
  cancel(): void {
    if (this.#opening === undefined) return;
    this.#opening = undefined;
    this.host.requestUpdate();
  }

  /** Opens the part from `opener`: at once when the code is there, else once it has loaded. */
  open(opener: string, show: (part: Part) => void): void {
    const ready = this.#part ?? this.create();
    if (ready) {
      if (this.#failed !== undefined || this.#opening !== undefined) this.host.requestUpdate();
      this.#failed = undefined;
      this.#opening = undefined;
      show(ready);
      return;
    }
    if (this.#opening === opener) return;
    this.#opening = opener;
    this.#failed = undefined;
    this.host.requestUpdate();
    this.options
      .loader()()
      .then(
        () => {
          // Another control asked meanwhile (it opens instead), Escape, or the element left the page.
          if (this.#opening !== opener) return;
          this.#opening = undefined;
          this.host.requestUpdate();
          const part = this.#part ?? this.create();
          if (part) show(part);
        },
        () => {
          if (this.#opening !== opener) return;
          this.#opening = undefined;
          this.#failed = opener;
          this.host.requestUpdate();
        },
      );
  }

  private create(): Part | undefined {
    const module = this.options.loader().loaded;
    if (!module) return undefined;
    this.#part = this.options.create(module);
    // Its styles join the element's before any of it shows.
    const root = this.host.shadowRoot;
    const own = (this.host.constructor as typeof ReactiveElement).elementStyles;
    const extra = this.options.styles?.(module) ?? [];
    if (root && extra.length > 0) adoptStyles(root, [...own, ...extra]);
    return this.#part;
  }
}
