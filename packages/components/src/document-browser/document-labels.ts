import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { documentKindInfo, highlightSegments } from '@carnet/catalog-sdk';
import type { DocumentKind, DocumentSort, MatchRange } from '@carnet/catalog-sdk';
import { formatCount } from '../shared/format.js';
import type { CarnetLocale } from '../shared/localization.js';

/** A kind's label in the interface language (the SDK's French/English LOINC labels). */
export function kindLabel(kind: DocumentKind, locale: CarnetLocale): string {
  const info = documentKindInfo(kind);
  return locale === 'en' ? info.labelEn : info.labelFr;
}

/** Name of an order in the sort menu; called at render time to follow the locale. */
export function sortLabel(sort: DocumentSort): string {
  switch (sort) {
    case 'relevance':
      return msg('Meilleure correspondance');
    case 'date-desc':
      return msg('Plus récents d’abord');
    case 'date-asc':
      return msg('Plus anciens d’abord');
    case 'title':
      return msg('Titre (A → Z)');
    case 'kind':
      return msg('Type de document');
  }
}

const plurals = new Map<CarnetLocale, Intl.PluralRules>();

/** « 1 document » / « 1 234 documents », counted the locale's way. */
export function documentCountLabel(count: number, locale: CarnetLocale): string {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
  if (count === 0) return msg('Aucun document');
  const formatted = formatCount(count, locale);
  return rules.select(count) === 'one' ? msg(str`${formatted} document`) : msg(str`${formatted} documents`);
}

const sizeFormatters = new Map<string, Intl.NumberFormat>();

/** An attachment size in the patient's words: « 120 ko », « 1,4 Mo » / "1.4 MB". */
export function formatSize(bytes: number, locale: CarnetLocale): string {
  const [unit, value] =
    bytes >= 1_000_000
      ? (['megabyte', bytes / 1_000_000] as const)
      : bytes >= 1_000
        ? (['kilobyte', bytes / 1_000] as const)
        : (['byte', bytes] as const);
  const key = `${locale}-${unit}`;
  let formatter = sizeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
    sizeFormatters.set(key, formatter);
  }
  return formatter.format(value);
}

/**
 * Text with the matched ranges wrapped in `<mark>`, rendered through text
 * bindings only (never as HTML), so a title cannot inject markup.
 */
export function highlighted(text: string, ranges: MatchRange[] | undefined): string | TemplateResult[] {
  if (!ranges || ranges.length === 0) return text;
  return highlightSegments(text, ranges).map((segment) =>
    segment.match ? html`<mark>${segment.text}</mark>` : html`${segment.text}`,
  );
}

// Simple 24px pictograms, one per kind; decorative (the kind label is always written next to it).
const KIND_PATHS: Readonly<Record<DocumentKind, SVGTemplateResult>> = {
  prescription: svg`<path d="M6 3h9l3 3v15H6z M9 9h6 M9 13h6 M9 17h4" />`,
  'discharge-summary': svg`<path d="M4 21V7l8-4 8 4v14z M10 21v-5h4v5 M12 8v5 M9.5 10.5h5" />`,
  'lab-result': svg`<path d="M9 3h6 M10 3v6l-5 10a1.5 1.5 0 0 0 1.3 2h11.4a1.5 1.5 0 0 0 1.3-2L14 9V3 M7.5 15h9" />`,
  imaging: svg`<path d="M3 5h18v14H3z M7 15l3-4 3 3 2-2 3 3 M8 9h.01" />`,
  vaccination: svg`<path d="M18 2l4 4 M20 4l-9 9 M8 10l6 6 M10 12l-6 6v2h2l6-6" />`,
  'consultation-note': svg`<path d="M4 4h16v12H8l-4 4z M8 8h8 M8 12h5" />`,
  'referral-letter': svg`<path d="M3 6h18v12H3z M3 6l9 7 9-7" />`,
  other: svg`<path d="M6 3h9l3 3v15H6z M14 3v4h4" />`,
};

/** The pictogram of a kind, hidden from assistive technologies. */
export function kindIcon(kind: DocumentKind): TemplateResult {
  return html`<svg class="kind-icon" part="kind-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    ${KIND_PATHS[kind]}
  </svg>`;
}

/** File name offered for a download: the title plus an extension from the MIME type. */
export function downloadName(title: string, contentType: string): string {
  const extension: Readonly<Record<string, string>> = {
    'application/pdf': 'pdf',
    'image/png': 'png',
    'image/jpeg': 'jpg',
    'image/svg+xml': 'svg',
    'image/webp': 'webp',
    'text/plain': 'txt',
  };
  const base = title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'document';
  const suffix = extension[contentType];
  return suffix ? `${base}.${suffix}` : base;
}
