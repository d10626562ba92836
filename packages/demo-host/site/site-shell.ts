/**
 * What every page of the association's site shares: the language buttons,
 * which switch the Carnet widgets and the page's own words (`data-en`).
 */

/** Languages of the site. */
export type SiteLocale = 'fr' | 'en';

let currentLocale: SiteLocale = 'fr';
const frenchTexts = new WeakMap<Element, string>();

/** The language chosen with the header buttons (French until one is pressed). */
export function siteLocale(): SiteLocale {
  return currentLocale;
}

/**
 * Shows the page's own words in `locale`: elements carry their English text in
 * `data-en`, and their French one in `data-fr` or else as their text at first switch.
 */
function translatePage(locale: SiteLocale): void {
  document.querySelectorAll<HTMLElement>('[data-en]').forEach((element) => {
    if (!frenchTexts.has(element)) frenchTexts.set(element, element.dataset.fr ?? element.textContent ?? '');
    element.textContent = locale === 'en' ? (element.dataset.en ?? '') : (frenchTexts.get(element) ?? '');
  });
}

/** Options of {@link setUpLanguageButtons}. */
export interface LanguageButtonsOptions {
  /**
   * Sets the `locale` attribute of every `<carnet-provider>` of the page (default). The
   * framework pages pass `false`: their framework sets the provider's `locale` property.
   */
  providers?: boolean;
}

/** Wires the language buttons; `onChange` also runs for each switch. */
export function setUpLanguageButtons(
  onChange: (locale: SiteLocale) => void = () => undefined,
  { providers = true }: LanguageButtonsOptions = {},
): void {
  document.querySelectorAll<HTMLButtonElement>('button[data-locale]').forEach((button) => {
    button.addEventListener('click', () => {
      currentLocale = button.dataset.locale === 'en' ? 'en' : 'fr';
      document.documentElement.lang = currentLocale;
      document
        .querySelectorAll('button[data-locale]')
        .forEach((other) => other.setAttribute('aria-pressed', String(other === button)));
      translatePage(currentLocale);
      if (providers) {
        document
          .querySelectorAll('carnet-provider')
          .forEach((provider) => provider.setAttribute('locale', currentLocale));
      }
      onChange(currentLocale);
    });
  });
}

/**
 * An item of `<carnet-record-summary>`'s overview leads to its widget: the page brings the
 * widget's section into view with its heading, then the summary moves focus into the widget
 * (its default, as the widget's « Aller à … » link does).
 */
export function followSummaryLinks(): void {
  document.addEventListener('carnet-summary-open', (event) => {
    const widget = document.querySelector(event.detail.widget);
    const section = widget?.closest('section') ?? widget;
    // At once: the focus that follows would cut a smooth scroll short.
    section?.scrollIntoView({ block: 'start' });
  });
}
