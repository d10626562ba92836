import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { CareTeamMember, Caregiver, CaregiverGrant, DataSource } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { emit } from '../events/emit.js';
import { LiveAnnouncer } from '../shared/announcer.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { dateTimeFieldStyles } from '../shared/date-time-fields.styles.js';
import { DataLoader } from '../shared/data-loader.controller.js';
import { DialogController } from '../shared/dialog.controller.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { SharingController, type SharingOutcome } from './sharing.controller.js';
import {
  problemMessage,
  renderAddProfessional,
  renderCareTeam,
  renderConfirmDialog,
  renderGrantForm,
  renderGrants,
  type SharingView,
} from './sharing.template.js';
import { sharingStyles } from './sharing.styles.js';

/** What the element shows. */
interface SharingData {
  caregivers: Caregiver[];
  grants: CaregiverGrant[];
  careTeam: CareTeamMember[];
  /** The professionals' directory (empty where there is none). */
  directory: CareTeamMember[];
}

/**
 * Who can see the patient's record, and her control over it: the caregivers
 * she gave access to (which parts, read or read-write, until when), a form to
 * give a caregiver access, revocation that takes effect at the caregiver's
 * next request, and the professionals of her care team, whom she may stop
 * sharing with. Revoking and stopping are confirmed first in a dialog that
 * says who loses access to what, with focus on the safe choice (« Garder
 * l’accès », « Continuer à partager »), so a repeated key press never
 * removes an access. Place it inside a `<carnet-provider>` in connected mode (an
 * on-device record is shared with nobody).
 *
 * @summary Who can see my record: caregivers and professionals.
 * @tag carnet-sharing
 *
 * @csspart base - The whole element.
 * @csspart grants - The list of accesses given to caregivers.
 * @csspart grant - One access given.
 * @csspart revoke - The Retirer l’accès button of an access.
 * @csspart grant-form - The form giving a caregiver access.
 * @csspart grant-submit - The Donner l’accès button of the form.
 * @csspart professionals - The list of professionals who can see the record.
 * @csspart professional - One professional.
 * @csspart stop-sharing - The Ne plus partager button of a professional.
 * @csspart share-form - The form sharing the record with a professional of the directory.
 * @csspart share - The Partager mon carnet button of that form.
 * @csspart confirm-dialog - The confirmation before an access is revoked or sharing stops (focus on the safe choice).
 *
 * @cssprop --carnet-sharing-item-background - Background of each person's row.
 *
 * @cssstate loading - Accesses are loading.
 * @cssstate empty - Nothing is shared and nobody can be chosen (or an on-device record).
 * @cssstate error - Loading failed.
 * @cssstate ready - Accesses are shown.
 *
 * @fires carnet-sharing-change - An access was given or revoked, or a professional removed, once the server recorded it.
 */
@localized()
export class CarnetSharing extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, dateTimeFieldStyles, dialogStyles, sharingStyles];

  /** Where accesses are read and changed; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  private readonly announcer = new LiveAnnouncer(this);

  private readonly loader = new DataLoader<SharingData | null, readonly [DataSource | undefined]>(this, {
    args: () => [this.dataSource] as const,
    load: ([source], signal) => {
      if (!source) return undefined;
      const sharing = source.sharing;
      if (!sharing) return Promise.resolve(null);
      return Promise.all([
        sharing.listCaregivers({ signal }),
        sharing.listGrants({ signal }),
        source.careTeam.list({ signal }),
        source.careTeam.directory?.({ signal }).catch(() => []) ?? Promise.resolve([]),
      ]).then(([caregivers, grants, careTeam, directory]) => ({ caregivers, grants, careTeam, directory }));
    },
  });

  private readonly sharing = new SharingController(
    this,
    (outcome) => this.afterChange(outcome),
    () => this.locale,
  );

  private readonly confirmDialog = new DialogController(this, {
    selector: 'dialog[part="confirm-dialog"]',
    isOpen: () => this.sharing.pending !== undefined,
    onDismiss: () => this.sharing.cancel(),
    returnFocusFallback: () => this.renderRoot.querySelector<HTMLElement>('#caregivers-title'),
  });

  /** Reads the accesses again. */
  refresh(): Promise<void> {
    return this.loader.reload();
  }

  protected override updated(): void {
    const data = this.loader.data;
    const status = this.loader.status;
    this.reflectStates(status === 'ready' ? (data === null || data === undefined ? 'empty' : 'ready') : status, [
      'loading',
      'empty',
      'error',
      'ready',
    ] as const);
  }

  private afterChange(outcome: SharingOutcome): void {
    const data = this.loader.data;
    let heading = 'caregivers-title';
    const nameOf = (grant: CaregiverGrant): string =>
      data?.caregivers.find((caregiver) => caregiver.id === grant.caregiverId)?.name ??
      grant.caregiverName ??
      grant.caregiverId;
    const memberName = (id: string): string =>
      [...(data?.careTeam ?? []), ...(data?.directory ?? [])].find((member) => member.id === id)?.name ?? id;
    switch (outcome.action) {
      case 'grant':
        this.announcer.announce(msg(str`Accès donné à ${nameOf(outcome.grant)}.`));
        emit(this, 'carnet-sharing-change', {
          action: 'grant',
          personId: outcome.grant.caregiverId,
          grantId: outcome.grant.id,
          parts: outcome.grant.parts,
        });
        break;
      case 'revoke':
        this.announcer.announce(msg(str`Accès retiré à ${nameOf(outcome.grant)}.`));
        emit(this, 'carnet-sharing-change', {
          action: 'revoke',
          personId: outcome.grant.caregiverId,
          grantId: outcome.grant.id,
        });
        break;
      default:
        heading = outcome.action === 'stop-sharing' ? 'professionals-title' : heading;
        this.announcer.announce(
          outcome.action === 'share'
            ? msg(str`Votre carnet est partagé avec ${memberName(outcome.practitionerId)}.`)
            : msg(str`Votre carnet n’est plus partagé avec ${memberName(outcome.practitionerId)}.`),
        );
        emit(this, 'carnet-sharing-change', { action: outcome.action, personId: outcome.practitionerId });
    }
    void this.loader.reload().then(() => this.focusAfterChange(heading));
  }

  /** After a change the pressed button may be gone: focus goes to the section's heading. */
  private focusAfterChange(heading: string): void {
    void this.updateComplete.then(() => {
      const active = this.shadowRoot?.activeElement;
      if (active && active !== this.shadowRoot?.host) return;
      this.shadowRoot?.querySelector<HTMLElement>(`#${heading}`)?.focus();
    });
  }

  private view(data: SharingData): SharingView {
    const source = this.dataSource;
    return {
      locale: this.locale,
      caregivers: data.caregivers,
      grants: data.grants,
      careTeam: data.careTeam,
      addable: data.directory.filter((member) => !data.careTeam.some((inTeam) => inTeam.id === member.id)),
      practitionerId: this.sharing.practitionerId,
      canChangeCareTeam: Boolean(source?.careTeam.stopSharing),
      draft: this.sharing.draft,
      busy: this.sharing.busy,
      problem: this.sharing.problem,
      pending: this.sharing.pending,
      onCaregiver: (id) => this.sharing.chooseCaregiver(id),
      onPart: (part, level) => this.sharing.choosePart(part, level),
      onUntil: (typed) => this.sharing.chooseUntil(typed),
      onGrant: () => {
        if (!source) return;
        const name = data.caregivers.find((caregiver) => caregiver.id === this.sharing.draft.caregiverId)?.name;
        void this.sharing.grant(source, name);
      },
      onRevoke: (grant, name) => this.sharing.ask({ action: 'revoke', grant, name }),
      onStopSharing: (member) => this.sharing.ask({ action: 'stop-sharing', member }),
      onConfirm: () => {
        if (source) void this.sharing.confirm(source);
      },
      onCancel: () => this.confirmDialog.dismiss(),
      onPractitioner: (id) => this.sharing.choosePractitioner(id),
      onShare: () => {
        if (source) void this.sharing.share(source);
      },
    };
  }

  protected override render(): TemplateResult {
    return html`<section class="base" part="base" aria-labelledby="sharing-title">
      <h2 class="title" id="sharing-title">${msg('Qui peut voir mon carnet')}</h2>
      ${this.renderContent()} ${this.announcer.region()}
    </section>`;
  }

  private renderContent(): TemplateResult {
    const { status, data } = this.loader;
    if (status === 'loading') return renderLoadingState({ label: msg('Chargement des accès…') });
    if (status === 'error')
      return renderErrorState({
        message: this.errorMessage(this.loader.error),
        onRetry: () => void this.loader.reload(),
      });
    if (!data)
      return renderEmptyState({
        title: msg('Rien n’est partagé depuis cet appareil'),
        description: msg(
          'Votre carnet est enregistré sur cet appareil seulement : connectez-vous à votre espace santé pour donner accès à un aidant.',
        ),
      });
    const view = this.view(data);
    return html`${
        this.sharing.problem === 'failed'
          ? html`<p class="problem" role="alert">${problemMessage('failed', this.locale)}</p>`
          : ''
      }
      <section aria-labelledby="caregivers-title">
        <h3 id="caregivers-title" tabindex="-1">${msg('Aidants')}</h3>
        ${renderGrants(view)} ${renderGrantForm(view)}
      </section>
      <section aria-labelledby="professionals-title">
        <h3 id="professionals-title" tabindex="-1">${msg('Professionnels de santé')}</h3>
        ${renderCareTeam(view)} ${renderAddProfessional(view)}
      </section>
      ${renderConfirmDialog(view)}`;
  }
}
