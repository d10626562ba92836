/**
 * Messages in local mode: the record lives on this device only, with no
 * messaging server behind it, so nothing can be sent. The repository says so
 * (`canSend` false, `send` rejects with `MessagingUnavailableError`) rather
 * than pretend: interfaces offer download or the device's share sheet instead.
 */
import { MessagingUnavailableError } from '../../errors/errors.js';
import type { CareMessage, MessageThread } from '../../model/message.js';
import type { MessageRepository } from '../data-source.js';

/** The on-device record's (empty) message threads. */
export class LocalMessageRepository implements MessageRepository {
  readonly canSend = false;

  listThreads(): Promise<MessageThread[]> {
    return Promise.resolve([]);
  }

  send(): Promise<CareMessage> {
    return Promise.reject(new MessagingUnavailableError());
  }

  markRead(message: CareMessage): Promise<CareMessage> {
    return Promise.resolve(message);
  }
}
