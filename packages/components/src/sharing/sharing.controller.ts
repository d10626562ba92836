import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  AccessLevel,
  CareTeamMember,
  CaregiverGrant,
  DataSource,
  GrantedParts,
  RecordPart,
} from '@carnet/catalog-sdk';
import { parseDateField } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';
import { endOfDay } from './sharing-format.js';

/** What the patient is choosing in the « Donner accès » form. */
export interface GrantDraft {
  caregiverId: string;
  parts: GrantedParts;
  /** Last day of access (`YYYY-MM-DD`), empty: until revoked. */
  untilDay: string;
  /** The last day as typed, while it is not a real day (shown as typed, and refused). */
  untilTyped?: string;
}

/** Why the last action did not go through, for the sentence shown. */
export type SharingProblem = 'no-caregiver' | 'no-part' | 'invalid-date' | 'past-date' | 'no-professional' | 'failed';

/** What happened, for the element to announce and dispatch. */
export type SharingOutcome =
  | { action: 'grant'; grant: CaregiverGrant }
  | { action: 'revoke'; grant: CaregiverGrant }
  | { action: 'share' | 'stop-sharing'; practitionerId: string };

/** A removal of access waiting for the patient's confirmation. */
export type PendingRemoval =
  { action: 'revoke'; grant: CaregiverGrant; name: string } | { action: 'stop-sharing'; member: CareTeamMember };

const EMPTY: GrantDraft = { caregiverId: '', parts: {}, untilDay: '' };

/**
 * The sharing element's behaviour: the grant being drafted, and the intents
 * that change who may see the record (give, revoke, share with a professional
 * or stop). Each intent waits for the server, then reports its outcome.
 */
export class SharingController implements ReactiveController {
  /** The form's current choices. */
  draft: GrantDraft = EMPTY;
  /** The professional chosen in the « Ajouter un professionnel » form. */
  practitionerId = '';
  /** The id of what is being changed (a grant, a professional, `new` for the form), while the server answers. */
  busy?: string;
  /** Why the last intent failed. */
  problem?: SharingProblem;
  /** The removal asked for, shown in the confirmation dialog until confirmed or cancelled. */
  pending?: PendingRemoval;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly done: (outcome: SharingOutcome) => void,
    private readonly locale: () => CarnetLocale,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  chooseCaregiver(caregiverId: string): void {
    this.draft = { ...this.draft, caregiverId };
    this.changed();
  }

  /** Sets a part's level; `none` removes it from the grant. */
  choosePart(part: RecordPart, level: AccessLevel | 'none'): void {
    const parts = { ...this.draft.parts };
    if (level === 'none') delete parts[part];
    else parts[part] = level;
    this.draft = { ...this.draft, parts };
    this.changed();
  }

  choosePractitioner(practitionerId: string): void {
    this.practitionerId = practitionerId;
    this.changed();
  }

  /** Reads the last day typed in the page's order (« 30/06/2031 »); empty: until revoked. */
  chooseUntil(typed: string): void {
    const text = typed.trim();
    const day = text === '' ? '' : parseDateField(text, this.locale());
    const { untilTyped: _previous, ...draft } = this.draft;
    this.draft = day === undefined ? { ...draft, untilDay: '', untilTyped: typed } : { ...draft, untilDay: day };
    this.changed();
  }

  /** Gives the drafted access; `name` is the caregiver's name shown in the patient's list. */
  async grant(source: DataSource, name: string | undefined, now = new Date()): Promise<void> {
    const sharing = source.sharing;
    if (!sharing || this.busy) return;
    const until = this.draft.untilDay ? endOfDay(this.draft.untilDay) : undefined;
    if (!this.draft.caregiverId) return this.fail('no-caregiver');
    if (Object.keys(this.draft.parts).length === 0) return this.fail('no-part');
    if (this.draft.untilTyped !== undefined) return this.fail('invalid-date');
    if (until !== undefined && Date.parse(until) <= now.getTime()) return this.fail('past-date');
    await this.run('new', async () => {
      const grant = await sharing.grant({
        caregiverId: this.draft.caregiverId,
        parts: this.draft.parts,
        ...(name ? { caregiverName: name } : {}),
        ...(until ? { until } : {}),
      });
      this.draft = EMPTY;
      this.done({ action: 'grant', grant });
    });
  }

  /** Asks to remove an access: nothing is removed before {@link confirm}. */
  ask(removal: PendingRemoval): void {
    if (this.busy) return;
    this.pending = removal;
    this.problem = undefined;
    this.host.requestUpdate();
  }

  /** Keeps the access: closes the confirmation. */
  cancel(): void {
    if (!this.pending) return;
    this.pending = undefined;
    this.host.requestUpdate();
  }

  /** Removes the access asked for, once confirmed. */
  async confirm(source: DataSource): Promise<void> {
    const pending = this.pending;
    if (!pending || this.busy) return;
    this.pending = undefined;
    this.host.requestUpdate();
    if (pending.action === 'revoke') await this.revoke(source, pending.grant);
    else await this.stopSharing(source, pending.member.id);
  }

  async revoke(source: DataSource, grant: CaregiverGrant): Promise<void> {
    const sharing = source.sharing;
    if (!sharing || this.busy) return;
    await this.run(grant.id, async () => {
      await sharing.revoke(grant.id);
      this.done({ action: 'revoke', grant });
    });
  }

  async stopSharing(source: DataSource, practitionerId: string): Promise<void> {
    const stop = source.careTeam.stopSharing?.bind(source.careTeam);
    if (!stop || this.busy) return;
    await this.run(practitionerId, async () => {
      await stop(practitionerId);
      this.done({ action: 'stop-sharing', practitionerId });
    });
  }

  /** Shares the record with the professional chosen in the form. */
  async share(source: DataSource): Promise<void> {
    const share = source.careTeam.share?.bind(source.careTeam);
    const practitionerId = this.practitionerId;
    if (!share || this.busy) return;
    if (!practitionerId) return this.fail('no-professional');
    await this.run('share', async () => {
      await share(practitionerId);
      this.practitionerId = '';
      this.done({ action: 'share', practitionerId });
    });
  }

  private async run(key: string, action: () => Promise<void>): Promise<void> {
    this.busy = key;
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      await action();
    } catch {
      this.problem = 'failed';
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  private fail(problem: SharingProblem): void {
    this.problem = problem;
    this.host.requestUpdate();
  }

  private changed(): void {
    this.problem = undefined;
    this.host.requestUpdate();
  }
}
