import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  DOCUMENT_KIND_VALUES,
  FhirError,
  StorageError,
  ValidationError,
  documentFileProblem,
  embeddedDocumentDate,
  proposeDocument,
} from '@carnet/catalog-sdk';
import type { DocumentFileProblem, DocumentKind, DocumentRepository, HealthDocument } from '@carnet/catalog-sdk';
import { formatDateField, parseDateField } from '../shared/date-time-fields.js';
import type { CarnetLocale } from '../shared/localization.js';

/** Where adding a document stands. */
export type UploadStep = 'closed' | 'choosing' | 'editing' | 'saving';

/**
 * Why the file could not be taken or saved; the patient's file and details are kept.
 * `date`: the day typed is incomplete or does not exist (31/02).
 */
export type UploadProblem = DocumentFileProblem | 'invalid' | 'date' | 'refused' | 'quota' | 'failed';

/** The details the patient checks before saving. */
export interface UploadDraft {
  title: string;
  kind: DocumentKind;
  /** The document's day as typed in the page's order (« 14/03/2026 »), read by `parseDateField`. */
  day: string;
  /** Tags separated by commas. */
  tags: string;
}

/** Bytes read at the start of a file to find its embedded date (PDF info, EXIF). */
const HEAD_BYTES = 64 * 1024;

/** What the controller needs from its element. */
export interface DocumentUploadOptions {
  repository(): DocumentRepository | undefined;
  /** The page's language: the order the document's day is typed in. */
  locale(): CarnetLocale;
  /** The document was saved: show it. */
  onSaved(document: HealthDocument): void | Promise<void>;
}

function dayOf(instant: string): string {
  return instant.slice(0, 10);
}

/** The problem a failed save is, in the patient's terms. */
export function uploadProblemOf(error: unknown): UploadProblem {
  if (error instanceof ValidationError) return 'invalid';
  if (error instanceof StorageError) {
    const cause = error.cause;
    return cause instanceof DOMException && cause.name === 'QuotaExceededError' ? 'quota' : 'failed';
  }
  if (error instanceof FhirError) {
    if (error.status === 413) return 'too-big';
    if (error.status === 401 || error.status === 403 || error.status === 422) return 'refused';
    if (error.status === 507) return 'quota';
  }
  return 'failed';
}

/**
 * Adding a document: the file (picker, drop or camera), the details Carnet
 * proposes from it and the patient edits, then saving the file with them.
 * Nothing the patient chose or typed is dropped when a save fails.
 */
export class DocumentUploadController implements ReactiveController {
  /** Where adding stands. */
  step: UploadStep = 'closed';
  /** The chosen file, once accepted. */
  file: File | undefined;
  /** The details to save. */
  draft: UploadDraft = { title: '', kind: 'other', day: '', tags: '' };
  /** The last problem, shown until the next choice or save. */
  problem: UploadProblem | undefined;
  /** Name of a file that was refused, for the message. */
  refusedName: string | undefined;

  private readonly host: ReactiveControllerHost;
  private readonly options: DocumentUploadOptions;

  constructor(host: ReactiveControllerHost, options: DocumentUploadOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the dialog on the choice of a file. */
  open(): void {
    if (this.step !== 'closed') return;
    this.step = 'choosing';
    this.problem = undefined;
    this.refusedName = undefined;
    this.host.requestUpdate();
  }

  /** Takes a file (from the picker, the camera or a drop); refuses it with a reason when it does not fit. */
  async chooseFile(file: File | undefined): Promise<void> {
    if (!file || this.step === 'saving') return;
    if (this.step === 'closed') this.step = 'choosing';
    const problem = documentFileProblem(file);
    if (problem) {
      this.problem = problem;
      this.refusedName = file.name;
      this.host.requestUpdate();
      return;
    }
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    const proposal = proposeDocument(file, embeddedDocumentDate(head, file.type));
    this.file = file;
    this.problem = undefined;
    this.refusedName = undefined;
    this.draft = {
      title: proposal.title,
      kind: proposal.kind,
      day: formatDateField(dayOf(proposal.date), this.options.locale()),
      tags: proposal.tags.join(', '),
    };
    this.step = 'editing';
    this.host.requestUpdate();
  }

  /** Changes one detail. */
  setField(name: keyof UploadDraft, value: string): void {
    // A text field's `change` (on leaving it, e.g. as the dialog closes) repeats its last `input`.
    if (this.step === 'closed' || this.draft[name] === value) return;
    if (name === 'kind') {
      const kind = DOCUMENT_KIND_VALUES.find((k) => k === value);
      if (kind) this.draft = { ...this.draft, kind };
    } else this.draft = { ...this.draft, [name]: value };
    this.host.requestUpdate();
  }

  /** Goes back to choosing another file, keeping nothing of the previous one. */
  chooseAnother(): void {
    if (this.step === 'saving') return;
    this.file = undefined;
    this.step = 'choosing';
    this.problem = undefined;
    this.host.requestUpdate();
  }

  /** Saves the file with its details; on failure, stays open with everything kept. */
  async save(): Promise<void> {
    const repository = this.options.repository();
    const file = this.file;
    if (!repository || !file || this.step !== 'editing') return;
    const title = this.draft.title.trim();
    const typedDay = this.draft.day.trim();
    const day = parseDateField(typedDay, this.options.locale());
    if (!title || typedDay === '' || !day) {
      this.problem = !title || typedDay === '' ? 'invalid' : 'date';
      this.host.requestUpdate();
      return;
    }
    this.step = 'saving';
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      const tags = this.draft.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
      const saved = await repository.create(
        {
          title,
          kind: this.draft.kind,
          // Noon UTC keeps the chosen day the same day in every time zone near Europe.
          date: `${day}T12:00:00.000Z`,
          contentType: file.type || proposeDocument(file).contentType,
          size: file.size,
          tags,
        },
        file,
      );
      this.reset();
      await this.options.onSaved(saved);
    } catch (error) {
      this.step = 'editing';
      this.problem = uploadProblemOf(error);
      this.host.requestUpdate();
    }
  }

  /** Closes without saving. */
  close(): void {
    if (this.step === 'saving') return;
    this.reset();
  }

  private reset(): void {
    this.step = 'closed';
    this.file = undefined;
    this.problem = undefined;
    this.refusedName = undefined;
    this.draft = { title: '', kind: 'other', day: '', tags: '' };
    this.host.requestUpdate();
  }
}
