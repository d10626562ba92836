import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { MEDICAL_PROFILE_ENTRY_KINDS } from '@carnet/catalog-sdk';
import type { MedicalProfile, MedicalProfileEntries, MedicalProfileEntryKind } from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { allergyFacts, conditionSince, dayInWords, entryName } from './profile-entries.js';
import { addLabel, emptyLabel, sectionTitle } from './profile-labels.js';

/** What the sections of the profile need. */
export interface ProfileSectionsOptions {
  profile: MedicalProfile;
  locale: CarnetLocale;
  /** One listener for every Add and Remove button (`data-add`, `data-remove`). */
  onClick(event: MouseEvent): void;
}

/** The entries of one kind, in display order. */
export function entriesOf<K extends MedicalProfileEntryKind>(
  profile: MedicalProfile,
  kind: K,
): MedicalProfileEntries[K][] {
  const lists: { [T in MedicalProfileEntryKind]: MedicalProfileEntries[T][] } = {
    allergy: profile.allergies,
    contact: profile.contacts,
    bloodGroup: profile.bloodGroup ? [profile.bloodGroup] : [],
    condition: profile.conditions,
    vaccination: profile.vaccinations,
  };
  return lists[kind];
}

function entryDetails(
  kind: MedicalProfileEntryKind,
  entry: MedicalProfileEntries[MedicalProfileEntryKind],
  locale: CarnetLocale,
): TemplateResult | typeof nothing {
  switch (kind) {
    case 'allergy': {
      const allergy = entry as MedicalProfileEntries['allergy'];
      return html`<span class="facts">${allergyFacts(allergy)}</span>${
          allergy.reaction ? html`<span class="facts">${msg('Réaction :')} ${allergy.reaction}</span>` : nothing
        }`;
    }
    case 'contact': {
      const contact = entry as MedicalProfileEntries['contact'];
      return html`<span class="facts"
        >${contact.relationship} · <a href=${`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>${contact.phone}</a></span
      >`;
    }
    case 'condition': {
      const since = conditionSince(entry as MedicalProfileEntries['condition'], locale);
      return since ? html`<span class="facts">${since}</span>` : nothing;
    }
    case 'vaccination':
      return html`<span class="facts"
        >${dayInWords((entry as MedicalProfileEntries['vaccination']).date, locale)}</span
      >`;
    default:
      return nothing;
  }
}

function renderSection(kind: MedicalProfileEntryKind, options: ProfileSectionsOptions): TemplateResult {
  const entries = entriesOf(options.profile, kind);
  const headingId = `section-${kind}`;
  return html`<section class="section" part="section section-${kind}" aria-labelledby=${headingId}>
    <h3 class="section-title" id=${headingId}>${sectionTitle(kind)}</h3>
    ${
      entries.length === 0
        ? html`<p class="nothing">${emptyLabel(kind)}</p>`
        : html`<ul class="entries" role="list">
            ${repeat(
              entries,
              (entry) => entry.id,
              (entry) => {
                const name = entryName(kind, entry);
                return html`<li class="entry" part="entry">
                  <span class="entry-text"
                    ><strong class="entry-name">${name}</strong>${' '}${entryDetails(kind, entry, options.locale)}</span
                  >
                  <button
                    type="button"
                    class="link-button touch-target"
                    data-remove=${kind}
                    data-entry-id=${entry.id}
                    aria-label=${msg(str`Retirer ${name}`)}
                  >
                    ${msg('Retirer')}
                  </button>
                </li>`;
              },
            )}
          </ul>`
    }
    <button type="button" class="action touch-target" part="add-${kind}" data-add=${kind}>
      ${kind === 'bloodGroup' && entries.length > 0 ? msg('Changer le groupe sanguin') : addLabel(kind)}
    </button>
  </section>`;
}

/** Every part of the profile, allergies first. */
export function renderProfileSections(options: ProfileSectionsOptions): TemplateResult {
  return html`<div class="sections" @click=${options.onClick}>
    ${MEDICAL_PROFILE_ENTRY_KINDS.map((kind) => renderSection(kind, options))}
  </div>`;
}
