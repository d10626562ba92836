import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { MEDICAL_PROFILE_ENTRY_KINDS } from '@carnet/catalog-sdk';
import type { DataSource, MedicalProfile } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { DialogController } from '../shared/dialog.controller.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { parseOneOf } from '../shared/parse-one-of.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { medicalProfileStyles } from './medical-profile.styles.js';
import { ProfileEditorController } from './profile-editor.controller.js';
import { entryName } from './profile-entries.js';
import { renderProfileForm, renderRemoveDialog } from './profile-form.template.js';
import { entriesOf, renderProfileSections } from './profile-sections.template.js';
import { medicalProfileLoader } from './profile-loader.js';

/** Entries in a profile, all kinds together. */
function entryCount(profile: MedicalProfile): number {
  return MEDICAL_PROFILE_ENTRY_KINDS.reduce((total, kind) => total + entriesOf(profile, kind).length, 0);
}

/**
 * The patient's medical profile, kept by herself: allergies and intolerances,
 * people to call, blood group, ongoing conditions and vaccinations. Each part
 * lists its entries with « Retirer » (confirmed) and an « Ajouter » form in a
 * dialog. Works on the on-device record and on a FHIR server alike.
 * Place it inside a `<carnet-provider>`.
 *
 * @summary Allergies, emergency contacts, blood group, conditions, vaccinations.
 * @tag carnet-medical-profile
 *
 * @csspart base - The whole element.
 * @csspart section - One part of the profile (also `section-allergy`, `section-contact`, …).
 * @csspart entry - One entry of a part.
 * @csspart add-allergy - The button that adds an allergy (also `add-contact`, `add-bloodGroup`, `add-condition`, `add-vaccination`).
 * @csspart add-dialog - The dialog with the form of a new entry.
 * @csspart save - The form's save button.
 * @csspart remove-dialog - The question « Retirer … ? ».
 * @csspart confirm-remove - The button that confirms a removal.
 *
 * @cssprop --carnet-medical-profile-gap - Space between the parts.
 *
 * @cssstate loading - The profile is loading.
 * @cssstate empty - Nothing is recorded yet (the forms are still offered).
 * @cssstate error - Loading failed.
 * @cssstate ready - The profile is shown.
 *
 * @fires carnet-profile-change - An entry was added or removed and saved.
 */
@localized()
export class CarnetMedicalProfile extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, dialogStyles, medicalProfileStyles];

  /** Where the profile is kept; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  private readonly profile = medicalProfileLoader(this, () => this.dataSource);

  private readonly announcer = new LiveAnnouncer(this);

  private readonly editor = new ProfileEditorController(this, {
    source: () => this.dataSource,
    locale: () => this.locale,
    saved: (action, kind, entryId) => {
      emit(this, 'carnet-profile-change', { action, kind, entryId });
      this.announcer.announce(action === 'add' ? msg('Ajouté à votre profil.') : msg('Retiré de votre profil.'));
      void this.profile.reload();
    },
  });

  private readonly dialogs = [
    new DialogController(this, {
      selector: 'dialog[part="add-dialog"]',
      isOpen: () => this.editor.adding !== undefined,
      onDismiss: () => this.editor.close(),
    }),
    new DialogController(this, {
      selector: 'dialog[part="remove-dialog"]',
      isOpen: () => this.editor.removing !== undefined,
      onDismiss: () => this.editor.cancelRemove(),
      returnFocusFallback: () => this.renderRoot.querySelector<HTMLElement>('[data-add]'),
    }),
  ];

  /** Loads the profile again, e.g. after it changed elsewhere. */
  refresh(): Promise<void> {
    return this.profile.reload();
  }

  protected override updated(): void {
    const { status, data } = this.profile;
    this.reflectStates(status === 'ready' && data && entryCount(data) === 0 ? 'empty' : status, [
      'loading',
      'empty',
      'error',
      'ready',
    ]);
  }

  private readonly onSectionClick = (event: MouseEvent): void => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('button');
    const data = this.profile.data;
    if (!button || !data) return;
    const add = parseOneOf(button.dataset['add'], MEDICAL_PROFILE_ENTRY_KINDS);
    if (add) {
      this.editor.openAdd(add);
      return;
    }
    const kind = parseOneOf(button.dataset['remove'], MEDICAL_PROFILE_ENTRY_KINDS);
    const entry = kind
      ? entriesOf(data, kind).find((candidate) => candidate.id === button.dataset['entryId'])
      : undefined;
    if (kind && entry) this.editor.requestRemove(kind, entry, entryName(kind, entry));
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    void this.editor.submit(form).then((saved) => {
      if (!saved)
        void this.updateComplete.then(() =>
          this.renderRoot
            .querySelector<HTMLElement>('[aria-invalid="true"], [aria-describedby="group-error"] input')
            ?.focus(),
        );
    });
  };

  private readonly onClose = (): void => this.editor.close();
  private readonly onConfirmRemove = (): void => void this.editor.confirmRemove();
  private readonly onCancelRemove = (): void => this.editor.cancelRemove();
  private readonly retry = (): void => void this.profile.reload();

  protected override render(): TemplateResult {
    return html`<section class="base" part="base" aria-labelledby="profile-title">
      <h2 class="title" id="profile-title">${msg('Mon profil médical')}</h2>
      ${this.renderBody()}
      ${renderProfileForm({ editor: this.editor, locale: this.locale, onSubmit: this.onSubmit, onClose: this.onClose })}
      ${renderRemoveDialog({ editor: this.editor, onConfirm: this.onConfirmRemove, onCancel: this.onCancelRemove })}
      ${this.announcer.region()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const { status, data, error } = this.profile;
    if (status === 'error') return renderErrorState({ message: this.errorMessage(error), onRetry: this.retry });
    if (!data) return renderLoadingState({ label: msg('Chargement de votre profil médical…'), lines: 5 });
    return html`${
      entryCount(data) === 0
        ? renderEmptyState({
            title: msg('Votre profil médical est vide'),
            description: msg(
              "Indiquez vos allergies et les personnes à prévenir : ce sont les premières choses que lit l'équipe des urgences.",
            ),
          })
        : ''
    }
    ${renderProfileSections({ profile: data, locale: this.locale, onClick: this.onSectionClick })}`;
  }
}
