import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';

/**
 * The shipped themes by the class that applies them. Vite turns these into asset
 * URLs; stories link them so themes apply as an embedder would.
 */
export const THEME_SHEETS: Readonly<Record<string, string>> = {
  'carnet-theme-dark': new URL('../../themes/dark.css', import.meta.url).href,
  'carnet-theme-high-contrast': new URL('../../themes/high-contrast.css', import.meta.url).href,
  'carnet-theme-association': new URL('../../themes/association-example.css', import.meta.url).href,
};

/** The theme classes, for a story control. */
export const THEME_CLASSES: readonly string[] = Object.keys(THEME_SHEETS);

/** A `<link>` to the stylesheet of a theme class, or nothing. */
export function themeSheetLink(themeClass: string | undefined): TemplateResult | typeof nothing {
  const sheet = themeClass ? THEME_SHEETS[themeClass] : undefined;
  return sheet ? html`<link rel="stylesheet" href=${sheet} />` : nothing;
}
