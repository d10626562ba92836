/** Words of the medical profile and the emergency card, at render time so they follow the locale. */
import { msg } from '@lit/localize';
import type { AllergyCategory, AllergySeverity, MedicalProfileEntryKind } from '@carnet/catalog-sdk';

/** Heading of a part of the profile. */
export function sectionTitle(kind: MedicalProfileEntryKind): string {
  switch (kind) {
    case 'allergy':
      return msg('Allergies et intolérances');
    case 'contact':
      return msg('Personnes à prévenir');
    case 'bloodGroup':
      return msg('Groupe sanguin');
    case 'condition':
      return msg('Maladies en cours');
    case 'vaccination':
      return msg('Vaccinations');
  }
}

/** Label of the button that adds an entry of `kind`. */
export function addLabel(kind: MedicalProfileEntryKind): string {
  switch (kind) {
    case 'allergy':
      return msg('Ajouter une allergie ou une intolérance');
    case 'contact':
      return msg('Ajouter une personne à prévenir');
    case 'bloodGroup':
      return msg('Indiquer le groupe sanguin');
    case 'condition':
      return msg('Ajouter une maladie');
    case 'vaccination':
      return msg('Ajouter une vaccination');
  }
}

/** Sentence shown when a part of the profile is empty. */
export function emptyLabel(kind: MedicalProfileEntryKind): string {
  switch (kind) {
    case 'allergy':
      return msg('Aucune allergie connue enregistrée.');
    case 'contact':
      return msg('Aucune personne à prévenir.');
    case 'bloodGroup':
      return msg('Groupe sanguin non renseigné.');
    case 'condition':
      return msg('Aucune maladie enregistrée.');
    case 'vaccination':
      return msg('Aucune vaccination enregistrée.');
  }
}

/** What the allergy is to. */
export function categoryLabel(category: AllergyCategory): string {
  switch (category) {
    case 'medication':
      return msg('Médicament');
    case 'food':
      return msg('Aliment');
    case 'environment':
      return msg('Environnement (pollen, animaux…)');
    case 'biologic':
      return msg('Produit biologique (latex, vaccin…)');
  }
}

/** How serious a reaction can be. */
export function severityLabel(severity: AllergySeverity): string {
  switch (severity) {
    case 'high':
      return msg('Grave');
    case 'low':
      return msg('Peu grave');
    case 'unknown':
      return msg('Gravité inconnue');
  }
}

/** `allergy` or `intolerance` in words. */
export function allergyTypeLabel(type: 'allergy' | 'intolerance'): string {
  return type === 'allergy' ? msg('Allergie') : msg('Intolérance');
}
