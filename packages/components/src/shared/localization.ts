import { configureLocalization } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { CARNET_LOCALES, type CarnetLocale } from '@carnet/catalog-sdk';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

// One language type for the SDK and the elements: the SDK's.
export { CARNET_LOCALES, type CarnetLocale };

/** Language used when the page says nothing we ship. */
export const DEFAULT_CARNET_LOCALE: CarnetLocale = 'fr';

interface LocalizationControls {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

// Shared across copies of Carnet that share one @lit/localize module on a page.
const SHARED_CONTROLS = Symbol.for('carnet.localization.controls');
type PageWithControls = typeof globalThis & { [SHARED_CONTROLS]?: LocalizationControls };

// When @lit/localize was configured by someone else entirely, strings stay French.
const sourceOnlyControls: LocalizationControls = {
  getLocale: () => DEFAULT_CARNET_LOCALE,
  setLocale: () => Promise.resolve(),
};

let controls: LocalizationControls | undefined;

function loadCarnetLocale(locale: string): Promise<LocaleModule> {
  if (locale === 'en') return import('../generated/locales/en.js');
  return Promise.reject(new Error(`Carnet ships no translations for "${locale}"`));
}

function localizationControls(): LocalizationControls {
  if (controls) return controls;
  const page = globalThis as PageWithControls;
  try {
    controls = configureLocalization({ sourceLocale, targetLocales, loadLocale: loadCarnetLocale });
    page[SHARED_CONTROLS] ??= controls;
  } catch {
    // @lit/localize may be configured once per page: another copy of Carnet (or the host) did it.
    controls = page[SHARED_CONTROLS] ?? sourceOnlyControls;
  }
  return controls;
}

/**
 * Configures `@lit/localize` for Carnet, once per page; later calls do nothing and
 * never throw, even when another copy already configured it.
 */
export function ensureCarnetLocalization(): void {
  localizationControls();
}

/**
 * Switches the language of every Carnet element on the page. Resolves when the
 * strings are loaded and elements have been asked to re-render.
 */
export function setCarnetLocale(locale: CarnetLocale): Promise<void> {
  return localizationControls().setLocale(locale);
}

/** The language Carnet's strings are currently shown in. */
export function getCarnetLocale(): CarnetLocale {
  return toCarnetLocale(localizationControls().getLocale()) ?? DEFAULT_CARNET_LOCALE;
}

/**
 * The shipped locale matching a BCP 47 tag (`en-GB` → `en`), or `undefined`
 * when Carnet does not ship that language.
 */
export function toCarnetLocale(tag: string | null | undefined): CarnetLocale | undefined {
  const language = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return CARNET_LOCALES.find((locale) => locale === language);
}

// The parent in the flattened tree: parent element, or the host of a shadow root.
function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The locale of the nearest ancestor carrying a `lang` attribute (looking through
 * shadow roots), falling back to French when none says a language we ship.
 */
export function resolveAncestorLocale(element: Element): CarnetLocale {
  let scope = composedParent(element);
  while (scope) {
    const labelled = scope.closest('[lang]');
    if (labelled) return toCarnetLocale(labelled.getAttribute('lang')) ?? DEFAULT_CARNET_LOCALE;
    const root = scope.getRootNode();
    scope = root instanceof ShadowRoot ? root.host : null;
  }
  return DEFAULT_CARNET_LOCALE;
}
