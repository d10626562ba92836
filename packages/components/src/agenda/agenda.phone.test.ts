import { setViewport } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import type { NewMedicationPlan } from '@carnet/catalog-sdk';
import { agendaEvent, agendaInProvider, cell, part, seedAgenda, text } from './test-helpers/agenda-fixtures.js';
import { fill, openNewEvent } from './test-helpers/editor-helpers.js';

const SEVELAMER: NewMedicationPlan = {
  medication: { display: 'Sevelamer 800 mg, comprimé' },
  dose: 2,
  doseUnit: 'comprimé',
  slots: [{ time: '08:00' }],
  start: '2026-11-01',
};

async function agendaWithVisit(label: string) {
  const dbName = uniqueDbName(label);
  await seedAgenda(dbName, [
    agendaEvent({ title: 'Kinésithérapie', start: '2026-11-25T09:00:00', end: '2026-11-25T09:30:00' }),
  ]);
  return (await agendaInProvider(dbName)).agenda;
}

/** How many lines the word `word` takes inside `element` (1: never cut). */
function linesOfWord(element: Element, word: string): number {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(word) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  }
  throw new Error(`${word} not shown`);
}

describe('<carnet-agenda> at phone width and in plain words', () => {
  afterEach(async () => {
    await deleteTestDatabases();
    await setViewport({ width: 1280, height: 900 });
  });

  for (const width of [320, 390]) {
    it(`marks the days that have appointments in the month grid at ${width} px, with no sideways scroll`, async () => {
      await setViewport({ width, height: 800 });
      const agenda = await agendaWithVisit(`phone-${width}`);
      const marks = cell(agenda, '2026-11-25').querySelectorAll('.mark');
      expect(marks).to.have.length(1);
      const box = (marks[0] as HTMLElement).getBoundingClientRect();
      expect(box.width).to.be.above(4);
      expect(box.height).to.be.above(4);
      expect(cell(agenda, '2026-11-24').querySelectorAll('.mark')).to.have.length(0);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
    });
  }

  for (const width of [800, 1024]) {
    it(`never cuts a title mid-word in a month cell at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const agenda = await agendaWithVisit(`words-${width}`);
      const chip = cell(agenda, '2026-11-25').querySelector('.chip') as HTMLElement;
      expect(getComputedStyle(chip).display).not.to.equal('none');
      expect(linesOfWord(chip, 'Kinésithérapie')).to.equal(1);
    });
  }

  it('names its buttons in plain words: « Ajouter à mon calendrier », « Importer un calendrier »', async () => {
    const agenda = await agendaWithVisit('words');
    expect(text(part(agenda, '[part="export"]'))).to.equal('Ajouter à mon calendrier');
    expect(text(part(agenda, '[part="import"]'))).to.equal('Importer un calendrier');
    expect(text(agenda.shadowRoot)).not.to.match(/\(\.ics\)/);
  });

  it('keeps the « show doses » checkbox beside its label at 320 px, on one 44 px target', async () => {
    await setViewport({ width: 320, height: 700 });
    const dbName = uniqueDbName('toggle');
    await seedAgenda(dbName, [], [SEVELAMER]);
    const { agenda } = await agendaInProvider(dbName);
    const label = part(agenda, '[part="medication-toggle"]');
    const box = (label.querySelector('input') as HTMLInputElement).getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(label);
    const firstLine = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.left > box.right);
    // The first words of the label start on the checkbox's line, right after it.
    expect(
      firstLine.some((rect) => Math.abs(rect.top + rect.height / 2 - (box.top + box.height / 2)) < rect.height),
    ).to.equal(true);
    expect(label.getBoundingClientRect().height).to.be.at.least(44);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('gives the recurrence choices 44 px targets', async () => {
    const agenda = await agendaWithVisit('radios');
    await openNewEvent(agenda);
    await fill(agenda, { frequency: 'monthly' });
    const labels = [
      ...(agenda.shadowRoot?.querySelectorAll<HTMLElement>('dialog[part="editor"] fieldset .check') ?? []),
    ];
    expect(labels.length).to.be.greaterThan(2);
    for (const label of labels) expect(label.getBoundingClientRect().height, text(label)).to.be.at.least(44);
  });

  it('keeps the event dialog on screen at 200 % zoom (640 × 400 px): it scrolls inside', async () => {
    await setViewport({ width: 640, height: 400 });
    const agenda = await agendaWithVisit('zoom');
    await openNewEvent(agenda);
    const dialog = part<HTMLDialogElement>(agenda, 'dialog[part="editor"]');
    const box = dialog.getBoundingClientRect();
    expect(box.top).to.be.at.least(0);
    expect(box.left).to.be.at.least(0);
    expect(box.bottom).to.be.at.most(400);
    expect(box.right).to.be.at.most(640);
    const save = part(agenda, 'dialog[part="editor"] [part="save"]');
    save.scrollIntoView({ block: 'nearest' });
    const saveBox = save.getBoundingClientRect();
    expect(saveBox.bottom).to.be.at.most(400);
    expect(saveBox.top).to.be.at.least(0);
  });
});
