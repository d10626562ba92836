/**
 * Secure messages between a patient and the professionals of their care team
 * (FHIR `Communication`, categorised `care-message`).
 */

/** One side of a message: the patient, or a professional of their care team. */
export interface Correspondent {
  kind: 'patient' | 'professional';
  /** FHIR `Patient` or `Practitioner` id. */
  id: string;
}

/** One message of a thread. */
export interface CareMessage {
  id: string;
  /** Id of the thread's first message (itself for the first one). */
  threadId: string;
  /** Patient whose record the thread belongs to. */
  patientId: string;
  sender: Correspondent;
  recipient: Correspondent;
  /** Plain text, never HTML. */
  body: string;
  /** Documents of the patient's record attached to the message. */
  documentIds: string[];
  /** When it was sent (ISO instant). */
  sentAt: string;
  /** When the recipient first read it; absent while unread. */
  readAt?: string;
  /** Message this one answers. */
  inResponseTo?: string;
  /** Server version (ETag), for marking it read. */
  version: string;
}

/** A conversation between the patient and one professional. */
export interface MessageThread {
  /** Id of the thread's first message. */
  id: string;
  patientId: string;
  /** The patient's name, for a professional's inbox (read from the `Patient`), when the server gave it. */
  patientName?: string;
  /** The professional on the other side. */
  professionalId: string;
  /** Messages, oldest first. */
  messages: CareMessage[];
  /** Messages to the signed-in person not yet read. */
  unreadCount: number;
  /** When the last message was sent. */
  lastMessageAt: string;
}

/** A message to send. */
export interface NewCareMessage {
  /**
   * Who receives it: a Practitioner id when the patient writes, the Patient id
   * when a professional writes.
   */
  recipientId: string;
  /** Plain text (1 to 5000 characters). */
  body: string;
  /** Documents of the patient's record to attach. */
  documentIds?: string[];
  /** The thread it continues; absent to start one. */
  threadId?: string;
  /** The message it answers. */
  inResponseTo?: string;
}
