import { expect } from '@open-wc/testing';
import type { Communication } from '@medplum/fhirtypes';
import type { DocumentSending } from '../document.js';
import { communicationToDocumentSending, documentSendingToCommunication } from './document-sending.js';
import { COMMUNICATION_CATEGORY_SYSTEM } from './urls.js';
import { expectMappingError } from './test-helpers/expect-mapping-error.js';

const sending: DocumentSending = {
  id: 'send-1',
  documentId: 'doc-ordo-1',
  recipientId: 'prac-martin',
  message: 'Bonjour Docteur, voici mon dernier bilan avant la consultation de mars.',
  sentAt: '2026-02-10T08:42:00.000Z',
  status: 'completed',
};

describe('Communication ↔ DocumentSending', () => {
  it('writes recipient, document payload, message, sent and category', () => {
    const c = documentSendingToCommunication(sending, { patientId: 'pat-parkinson' });
    expect(c.recipient).to.deep.equal([{ reference: 'Practitioner/prac-martin' }]);
    expect(c.payload).to.deep.equal([
      { contentReference: { reference: 'DocumentReference/doc-ordo-1' } },
      { contentString: sending.message },
    ]);
    expect(c.sent).to.equal(sending.sentAt);
    expect(c.status).to.equal('completed');
    expect(c.subject).to.deep.equal({ reference: 'Patient/pat-parkinson' });
    expect(c.category?.[0]?.coding?.[0]).to.deep.equal({
      system: COMMUNICATION_CATEGORY_SYSTEM,
      code: 'document-sending',
    });
  });

  it('round-trips domain → FHIR → domain, for each status', () => {
    for (const status of ['completed', 'in-progress', 'failed'] as const) {
      const s = { ...sending, status };
      expect(communicationToDocumentSending(documentSendingToCommunication(s))).to.deep.equal(s);
    }
    const withoutMessage: DocumentSending = { ...sending, message: undefined };
    delete withoutMessage.message;
    expect(communicationToDocumentSending(documentSendingToCommunication(withoutMessage))).to.deep.equal(
      withoutMessage,
    );
  });

  it('round-trips FHIR → domain → FHIR', () => {
    const c = documentSendingToCommunication(sending);
    expect(documentSendingToCommunication(communicationToDocumentSending(c))).to.deep.equal(c);
  });

  it('maps failed to not-done', () => {
    expect(documentSendingToCommunication({ ...sending, status: 'failed' }).status).to.equal('not-done');
  });

  it('rejects a recipient that is not a Practitioner, a payload that is not a document, an unknown status', () => {
    const good = documentSendingToCommunication(sending);
    const read = (value: unknown) => () => communicationToDocumentSending(value as Communication);
    expectMappingError(
      read({ ...good, recipient: [{ reference: 'Patient/p1' }] }),
      'Communication.recipient[0].reference',
    );
    expectMappingError(
      read({ ...good, payload: [{ contentString: 'texte' }] }),
      'Communication.payload[0].contentReference',
    );
    expectMappingError(read({ ...good, status: 'on-hold' }), 'Communication.status');
    expectMappingError(read({ ...good, sent: undefined }), 'Communication.sent');
  });
});
