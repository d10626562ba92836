import { sendKeys } from '@web/test-runner-commands';
import { CARE_TEAM, sourceWith, withConversation } from './test-helpers/memory-messages.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
import { allByRole, byRole, chooseOption, click, queryByRole, typeInto } from '../test-helpers/person.js';
import type { CarnetMessageSendEvent } from '../events/carnet-message-send.js';
import type { CarnetProvider } from '../provider/provider.js';
import type { CarnetMessages } from './messages.js';
import '../provider/provider.js';
import './messages.js';

const text = (root: ParentNode | null | undefined): string => root?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function ready(element: CarnetMessages): Promise<void> {
  await waitUntil(() => element.matches(':state(ready), :state(empty), :state(error)'), 'loaded', {
    timeout: 10_000,
  });
}

/** The messages of the open conversation, as read. */
function shownMessages(element: CarnetMessages): string[] {
  const list = byRole(element, 'list', 'Messages');
  return [...list.children].map((item) => text(item));
}

describe('<carnet-messages>', () => {
  afterEach(async () => {
    await deleteTestDatabases();
  });

  it('in local mode says nothing can be sent, offers no form, and is accessible', async () => {
    const provider = await fixture<CarnetProvider>(
      html`<carnet-provider db-name=${uniqueDbName('messages')}><carnet-messages></carnet-messages></carnet-provider>`,
    );
    const element = provider.querySelector('carnet-messages') as CarnetMessages;
    await ready(element);
    expect(element.matches(':state(empty)')).to.equal(true);
    expect(text(element.shadowRoot?.querySelector('[part="unavailable"]'))).to.contain('rien ne peut être envoyé');
    expect(queryByRole(element, 'textbox', 'Votre message')).to.equal(null);
    expect(queryByRole(element, 'button', 'Envoyer')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows the unread count, marks the reply read on opening, with the attached document and read state', async () => {
    const messages = withConversation();
    const element = await fixture<CarnetMessages>(
      html`<carnet-messages .dataSource=${sourceWith(messages)}></carnet-messages>`,
    );
    await ready(element);
    const thread = byRole(element, 'button', /^Dr Claire Martin/);
    expect(text(thread)).to.contain('1 non lu');
    await expect(element).to.be.accessible();
    thread.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !text(byRole(element, 'button', /^Dr Claire Martin/)).includes('non lu'), 'unread cleared');
    expect(thread.getAttribute('aria-current')).to.equal('true');
    const shown = shownMessages(element);
    expect(shown.length).to.equal(2);
    expect(shown[0]).to.contain('Bilan sanguin de mars');
    expect(shown[0]).to.contain('Lu le');
    expect(shown[1]).to.contain('Bien reçu, tout va bien.');
    expect(messages.messages[1]?.readAt).to.be.a('string');
    await expect(element).to.be.accessible();
  });

  it('writes a reply with the keyboard and fires carnet-message-send once it is on the server', async () => {
    const messages = withConversation();
    const element = await fixture<CarnetMessages>(
      html`<carnet-messages .dataSource=${sourceWith(messages)}></carnet-messages>`,
    );
    await ready(element);
    await click(byRole(element, 'button', /^Dr Claire Martin/));
    await waitUntil(() => queryByRole(element, 'textbox', 'Votre message'), 'compose shown');
    await typeInto(byRole(element, 'textbox', 'Votre message'), 'Merci docteur');
    const sent = oneEvent(element, 'carnet-message-send') as Promise<CarnetMessageSendEvent>;
    // Past the list of documents to attach, to « Envoyer ».
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot?.activeElement).to.equal(byRole(element, 'button', 'Envoyer'));
    await sendKeys({ press: 'Enter' });
    const event = await sent;
    expect(event.detail.threadId).to.equal('t1');
    expect(messages.messages.at(-1)?.body).to.equal('Merci docteur');
    await waitUntil(() => shownMessages(element).some((message) => message.includes('Merci docteur')), 'shown');
    expect(byRole(element, 'status').textContent).to.contain('Message envoyé.');
    expect(byRole<HTMLTextAreaElement>(element, 'textbox', 'Votre message').value, 'emptied').to.equal('');
  });

  it('writes to a professional of the care team with no thread yet, a document of the record attached', async () => {
    const messages = withConversation();
    const element = await fixture<CarnetMessages>(
      html`<carnet-messages .dataSource=${sourceWith(messages, CARE_TEAM)}></carnet-messages>`,
    );
    await ready(element);
    await chooseOption(byRole<HTMLSelectElement>(element, 'combobox', 'Écrire à'), 'Dr Paul Girard');
    await waitUntil(() => queryByRole(element, 'heading', 'Nouveau message à Dr Paul Girard'), 'new message');
    await typeInto(byRole(element, 'textbox', 'Votre message'), 'Bonjour, voici mon bilan.');
    await chooseOption(
      byRole<HTMLSelectElement>(element, 'combobox', 'Joindre un document de mon carnet'),
      'Bilan sanguin de mars',
    );
    const sent = oneEvent(element, 'carnet-message-send') as Promise<CarnetMessageSendEvent>;
    await click(byRole(element, 'button', 'Envoyer'));
    const event = await sent;
    expect(event.detail.documentIds).to.deep.equal(['doc-1']);
    expect(messages.messages.at(-1)?.recipient.id).to.equal('pro-2');
    await waitUntil(() => queryByRole(element, 'button', /^Dr Paul Girard/), 'the new thread is listed');
    expect(allByRole(element, 'button', /^Dr /)).to.have.length(2);
    await waitUntil(() => shownMessages(element).some((message) => message.includes('voici mon bilan')), 'shown');
    await expect(element).to.be.accessible();
  });

  it('shows an error with Retry when the threads cannot be loaded', async () => {
    const messages = withConversation();
    messages.failList = true;
    const element = await fixture<CarnetMessages>(
      html`<carnet-messages .dataSource=${sourceWith(messages)}></carnet-messages>`,
    );
    await ready(element);
    expect(element.matches(':state(error)')).to.equal(true);
    await expect(element).to.be.accessible();
    messages.failList = false;
    await click(byRole(element, 'button', 'Réessayer'));
    await waitUntil(() => element.matches(':state(ready)'), 'ready after retry');
  });
});
