import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { DataSource, MedicalProfile } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { allergyFacts, conditionSince } from '../medical-profile/profile-entries.js';
import { sectionTitle } from '../medical-profile/profile-labels.js';
import { emergencyCardStyles } from './emergency-card.styles.js';
import { medicalProfileLoader } from '../medical-profile/profile-loader.js';
import { RecordChangesController } from '../shared/record-changes.controller.js';
import type {} from '../events/carnet-profile-change.js';

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, '')}`;
}

/**
 * The essentials for an emergency team on one screen, and on one printed A4
 * page: allergies and intolerances first (serious ones first), people to call,
 * blood group and ongoing conditions, in large text. Read-only: the patient
 * fills it in `<carnet-medical-profile>`, and a change saved there under the same
 * provider shows here at once. Place it inside a `<carnet-provider>`.
 *
 * @summary Allergies first, people to call, blood group, conditions — printable on one page.
 * @tag carnet-emergency-card
 *
 * @csspart base - The card.
 * @csspart allergies - The allergies block (shown first).
 * @csspart contacts - The people to call.
 * @csspart blood-group - The blood group.
 * @csspart conditions - The ongoing conditions.
 * @csspart print - The Print button (hidden on paper).
 *
 * @cssprop --carnet-emergency-card-font-size - Base text size (1.25rem on screen, 13pt on paper).
 * @cssprop --carnet-emergency-card-border - Colour of the card's frame.
 *
 * @cssstate loading - The profile is loading.
 * @cssstate empty - Nothing is recorded yet.
 * @cssstate error - Loading failed.
 * @cssstate ready - The card is shown.
 */
@localized()
export class CarnetEmergencyCard extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, emergencyCardStyles];

  /** Where the profile is read; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  /** The patient's name as printed at the top (the record itself may not carry it). */
  @property({ attribute: 'patient-name' })
  patientName = '';

  private readonly profile = medicalProfileLoader(this, () => this.dataSource);

  // An entry saved in `<carnet-medical-profile>` under the same provider shows here at once:
  // a card that still says « no allergy » after one was added would mislead an emergency team.
  private readonly profileChanges = new RecordChangesController(this, ['carnet-profile-change'], () => {
    void this.profile.reload();
  });

  /** Reads the profile again (after it changed elsewhere than in a `<carnet-medical-profile>` of the same provider). */
  refresh(): Promise<void> {
    return this.profile.reload();
  }

  protected override updated(): void {
    const { status, data } = this.profile;
    const empty =
      data && data.allergies.length + data.contacts.length + data.conditions.length === 0 && !data.bloodGroup;
    this.reflectStates(status === 'ready' && empty ? 'empty' : status, ['loading', 'empty', 'error', 'ready']);
  }

  private readonly print = (): void => window.print();
  private readonly retry = (): void => void this.profile.reload();

  protected override render(): TemplateResult {
    const { status, data, error } = this.profile;
    return html`<article class="base" part="base" aria-labelledby="card-title">
      <div class="header">
        <h2 class="title" id="card-title">${msg("Carte d'urgence")}</h2>
        <button type="button" class="print" part="print" @click=${this.print}>${msg('Imprimer')}</button>
      </div>
      ${this.patientName ? html`<p class="patient">${this.patientName}</p>` : nothing}
      ${
        status === 'error'
          ? renderErrorState({ message: this.errorMessage(error), onRetry: this.retry })
          : data
            ? this.renderCard(data)
            : renderLoadingState({ label: msg("Chargement de la carte d'urgence…"), lines: 4 })
      }
    </article>`;
  }

  private renderCard(profile: MedicalProfile): TemplateResult {
    return html`<section class="block allergies" part="allergies" aria-labelledby="allergies-title">
        <h3 class="block-title" id="allergies-title">${sectionTitle('allergy')}</h3>
        ${
          profile.allergies.length === 0
            ? html`<p class="nothing">${msg('Aucune allergie enregistrée par le patient.')}</p>`
            : html`<ul role="list">
                ${profile.allergies.map(
                  (allergy) =>
                    html`<li>
                      <span class="allergy-name">${allergy.substance}</span> —
                      ${allergyFacts(allergy)}${
                        allergy.reaction
                          ? html`<br />${' '}<span class="detail">${msg('Réaction :')} ${allergy.reaction}</span>`
                          : nothing
                      }
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section class="block" part="contacts" aria-labelledby="contacts-title">
        <h3 class="block-title" id="contacts-title">${sectionTitle('contact')}</h3>
        ${
          profile.contacts.length === 0
            ? html`<p class="nothing">${msg('Aucune personne à prévenir.')}</p>`
            : html`<ul role="list">
                ${profile.contacts.map(
                  (contact) =>
                    html`<li>
                      ${contact.name} (${contact.relationship}) —
                      <a class="phone" href=${telHref(contact.phone)}>${contact.phone}</a>
                    </li>`,
                )}
              </ul>`
        }
      </section>
      <section class="block" part="blood-group" aria-labelledby="blood-title">
        <h3 class="block-title" id="blood-title">${sectionTitle('bloodGroup')}</h3>
        ${
          profile.bloodGroup
            ? html`<p class="blood-group">${profile.bloodGroup.group}</p>`
            : html`<p class="nothing">${msg('Non renseigné.')}</p>`
        }
      </section>
      <section class="block" part="conditions" aria-labelledby="conditions-title">
        <h3 class="block-title" id="conditions-title">${sectionTitle('condition')}</h3>
        ${
          profile.conditions.length === 0
            ? html`<p class="nothing">${msg('Aucune maladie enregistrée.')}</p>`
            : html`<ul role="list">
                ${profile.conditions.map((condition) => {
                  const since = conditionSince(condition, this.locale);
                  return html`<li>
                    ${condition.name}${since ? html` <span class="detail">(${since})</span>` : nothing}
                  </li>`;
                })}
              </ul>`
        }
      </section>
      <p class="updated detail">
        ${msg('Informations déclarées par le patient dans son carnet de santé, à vérifier par l’équipe soignante.')}
      </p>`;
  }
}
