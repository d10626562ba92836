import { msg, str } from '@lit/localize';
import { isResourceScope, isWriteScope, manifestTextIn, type CatalogueScope } from '@carnet/catalog-sdk';

/** The platform's plain words for a scope in the reader's language (else French, else the scope itself). */
export function scopeWords(scope: CatalogueScope, locale: string): string {
  const explanation = scope.explanation;
  const words = explanation ? (explanation[locale] ?? explanation['fr']) : undefined;
  const text = words ?? scope.scope;
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Why the app asks, in its publisher's words, in the reader's language. */
export function scopeReason(scope: CatalogueScope, locale: string): string {
  return manifestTextIn(scope.reason, locale);
}

/**
 * Read or write, for resource scopes (the platform checked the publisher's
 * declaration against the scope); undefined for sign-in scopes.
 */
export function accessOf(scope: CatalogueScope): 'read' | 'write' | undefined {
  if (!isResourceScope(scope.scope)) return undefined;
  return isWriteScope(scope.scope) || scope.access === 'write' ? 'write' : 'read';
}

/** « Lecture seule » or « Peut ajouter ou modifier ». Called at render time. */
export function accessLabel(access: 'read' | 'write'): string {
  return access === 'write' ? msg('Peut ajouter ou modifier') : msg('Lecture seule');
}

/** « Vous l’avez autorisée le 3 mars 2026 ». Called at render time. */
export function grantedLabel(grantedAt: string, locale: string): string {
  const date = new Date(grantedAt);
  if (Number.isNaN(date.getTime())) return msg('Vous l’avez autorisée.');
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
  return msg(str`Vous l’avez autorisée le ${day}.`);
}
