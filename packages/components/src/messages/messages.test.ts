import { sendKeys } from '@web/test-runner-commands';
import { sourceWith, withConversation } from './test-helpers/memory-messages.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html, oneEvent, waitUntil } from '../test-helpers/fixture.js';
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
    expect(element.shadowRoot?.querySelector('form')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows the unread count, marks the reply read on opening, with the attached document and read state', async () => {
    const messages = withConversation();
    const element = await fixture<CarnetMessages>(
      html`<carnet-messages .dataSource=${sourceWith(messages)}></carnet-messages>`,
    );
    await ready(element);
    const thread = element.shadowRoot?.querySelector<HTMLButtonElement>('[part="thread"]');
    expect(text(thread)).to.contain('Dr Claire Martin');
    expect(text(element.shadowRoot?.querySelector('[part="unread"]'))).to.equal('1 non lu');
    await expect(element).to.be.accessible();
    thread?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !element.shadowRoot?.querySelector('[part="unread"]'), 'unread cleared');
    const shown = element.shadowRoot?.querySelectorAll('[part="message"]') ?? [];
    expect(shown.length).to.equal(2);
    expect(text(shown[0])).to.contain('Bilan sanguin de mars');
    expect(text(shown[0])).to.contain('Lu le');
    expect(text(shown[1])).to.contain('Bien reçu, tout va bien.');
    expect(messages.messages[1]?.readAt).to.be.a('string');
    await expect(element).to.be.accessible();
  });

  it('writes a reply with the keyboard and fires carnet-message-send once it is on the server', async () => {
    const messages = withConversation();
    const element = await fixture<CarnetMessages>(
      html`<carnet-messages .dataSource=${sourceWith(messages)}></carnet-messages>`,
    );
    await ready(element);
    element.shadowRoot?.querySelector<HTMLButtonElement>('[part="thread"]')?.click();
    await waitUntil(() => element.shadowRoot?.querySelector('textarea'), 'compose shown');
    element.shadowRoot?.querySelector('textarea')?.focus();
    await sendKeys({ type: 'Merci docteur' });
    const sent = oneEvent(element, 'carnet-message-send') as Promise<CarnetMessageSendEvent>;
    element.shadowRoot?.querySelector<HTMLButtonElement>('[part="send"]')?.focus();
    await sendKeys({ press: 'Enter' });
    const event = await sent;
    expect(event.detail.threadId).to.equal('t1');
    expect(messages.messages.at(-1)?.body).to.equal('Merci docteur');
    await waitUntil(() => text(element.shadowRoot?.querySelector('.messages')).includes('Merci docteur'), 'shown');
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
    element.shadowRoot?.querySelector<HTMLButtonElement>('[part="retry"]')?.click();
    await waitUntil(() => element.matches(':state(ready)'), 'ready after retry');
  });
});
