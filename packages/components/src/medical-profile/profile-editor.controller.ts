import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ALLERGY_CATEGORIES, ALLERGY_SEVERITIES, BLOOD_GROUPS, ValidationError } from '@carnet/catalog-sdk';
import type {
  DataSource,
  MedicalProfileEntries,
  MedicalProfileEntryKind,
  NewMedicalProfileEntry,
} from '@carnet/catalog-sdk';
import type { CarnetLocale } from '../shared/localization.js';
import { parseDateField } from '../shared/date-time-fields.js';
import { parseOneOf } from '../shared/parse-one-of.js';

/** What the editor needs from its element. */
export interface ProfileEditorOptions {
  source(): DataSource | undefined;
  locale(): CarnetLocale;
  /** Called once a change is saved. */
  saved(action: 'add' | 'remove', kind: MedicalProfileEntryKind, entryId: string): void;
}

/** A field the patient must correct: `required` or `invalid`. */
export type ProfileFieldErrors = Partial<Record<string, 'required' | 'invalid'>>;

/** The entry awaiting confirmation of its removal. */
export interface PendingRemoval {
  kind: MedicalProfileEntryKind;
  id: string;
  version: string;
  /** What the entry is called, for the question. */
  label: string;
}

type FormValues = Record<string, string>;

function text(values: FormValues, name: string): string {
  return (values[name] ?? '').trim();
}

/**
 * Adding and removing profile entries: which form is open, what is wrong with
 * it (the SDK's own rules name the field), and the removal awaiting confirmation.
 */
export class ProfileEditorController implements ReactiveController {
  /** The kind of entry whose form is open. */
  adding?: MedicalProfileEntryKind;
  errors: ProfileFieldErrors = {};
  saving = false;
  /** Saving failed for another reason than a field (storage, network). */
  failed = false;
  removing?: PendingRemoval;

  private readonly host: ReactiveControllerHost;
  private readonly options: ProfileEditorOptions;

  constructor(host: ReactiveControllerHost, options: ProfileEditorOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the empty form of `kind`. */
  openAdd(kind: MedicalProfileEntryKind): void {
    this.adding = kind;
    this.errors = {};
    this.failed = false;
    this.saving = false;
    this.host.requestUpdate();
  }

  /** Closes the form without saving. */
  close(): void {
    this.adding = undefined;
    this.errors = {};
    this.failed = false;
    this.host.requestUpdate();
  }

  /** The entry a form's values describe, or the fields to correct. */
  private entryOf(kind: MedicalProfileEntryKind, values: FormValues): NewMedicalProfileEntry<typeof kind> | undefined {
    const errors: ProfileFieldErrors = {};
    const day = (name: string, required: boolean): string | undefined => {
      const typed = text(values, name);
      if (typed === '') {
        if (required) errors[name] = 'required';
        return undefined;
      }
      const parsed = parseDateField(typed, this.options.locale());
      if (parsed === undefined) errors[name] = 'invalid';
      return parsed;
    };
    let entry: NewMedicalProfileEntry<MedicalProfileEntryKind>;
    switch (kind) {
      case 'allergy': {
        const reaction = text(values, 'reaction');
        entry = {
          substance: text(values, 'substance'),
          type: values['type'] === 'intolerance' ? 'intolerance' : 'allergy',
          category: parseOneOf(values['category'], ALLERGY_CATEGORIES, 'medication'),
          severity: parseOneOf(values['severity'], ALLERGY_SEVERITIES, 'unknown'),
          ...(reaction ? { reaction } : {}),
        };
        break;
      }
      case 'condition': {
        const since = day('since', false);
        const note = text(values, 'note');
        entry = { name: text(values, 'name'), ...(since ? { since } : {}), ...(note ? { note } : {}) };
        break;
      }
      case 'vaccination': {
        const note = text(values, 'note');
        entry = { vaccine: text(values, 'vaccine'), date: day('date', true) ?? '', ...(note ? { note } : {}) };
        break;
      }
      case 'bloodGroup': {
        const group = parseOneOf(values['group'], BLOOD_GROUPS);
        if (!group) errors['group'] = 'required';
        entry = { group: group ?? 'O+' };
        break;
      }
      case 'contact':
        entry = {
          name: text(values, 'name'),
          relationship: text(values, 'relationship'),
          phone: text(values, 'phone'),
        };
        break;
    }
    for (const [name, value] of Object.entries(entry)) {
      if (value === '' && !errors[name]) errors[name] = 'required';
    }
    this.errors = errors;
    return Object.keys(errors).length === 0 ? entry : undefined;
  }

  /** Saves the open form; returns false when a field must be corrected. */
  async submit(form: HTMLFormElement): Promise<boolean> {
    const kind = this.adding;
    const source = this.options.source();
    if (!kind || !source?.medicalProfile) return false;
    const values: FormValues = {};
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') values[name] = value;
    });
    const entry = this.entryOf(kind, values);
    this.failed = false;
    this.host.requestUpdate();
    if (!entry) return false;
    this.saving = true;
    try {
      const created = await source.medicalProfile.add(kind, entry as NewMedicalProfileEntry<typeof kind>);
      this.saving = false;
      this.adding = undefined;
      this.host.requestUpdate();
      this.options.saved('add', kind, created.id);
      return true;
    } catch (error) {
      this.saving = false;
      if (error instanceof ValidationError) this.errors = { [error.field]: 'invalid' };
      else this.failed = true;
      this.host.requestUpdate();
      return !(error instanceof ValidationError);
    }
  }

  /** Asks to confirm removing an entry. */
  requestRemove<K extends MedicalProfileEntryKind>(kind: K, entry: MedicalProfileEntries[K], label: string): void {
    this.removing = { kind, id: entry.id, version: entry.version, label };
    this.failed = false;
    this.host.requestUpdate();
  }

  /** The patient kept the entry. */
  cancelRemove(): void {
    this.removing = undefined;
    this.failed = false;
    this.host.requestUpdate();
  }

  /** The patient confirmed: removes the entry. */
  async confirmRemove(): Promise<void> {
    const removing = this.removing;
    const source = this.options.source();
    if (!removing || !source?.medicalProfile) return;
    this.saving = true;
    this.host.requestUpdate();
    try {
      await source.medicalProfile.remove(removing.kind, removing.id, removing.version);
      this.removing = undefined;
      this.options.saved('remove', removing.kind, removing.id);
    } catch {
      this.failed = true;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }
}
