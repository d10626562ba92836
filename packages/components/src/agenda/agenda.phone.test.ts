import { setViewport } from '@web/test-runner-commands';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect } from '../test-helpers/fixture.js';
import { agendaEvent, agendaInProvider, cell, part, seedAgenda, text } from './test-helpers/agenda-fixtures.js';

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
});
