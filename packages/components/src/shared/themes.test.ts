import { contrastRatio } from '../test-helpers/contrast.js';
import { deleteTestDatabases, uniqueDbName } from '../test-helpers/databases.js';
import { expect, fixture, html } from '../test-helpers/fixture.js';
import type { CarnetProvider } from '../provider/provider.js';
import '../provider/provider.js';

const TEXT_PAIRS: ReadonlyArray<[string, string]> = [
  ['on-surface', 'surface'],
  ['on-surface', 'surface-variant'],
  ['on-surface-variant', 'surface-variant'],
  ['accent', 'surface'],
  ['accent', 'surface-variant'],
  ['on-accent', 'accent'],
  ['danger', 'surface'],
  ['success', 'surface'],
  ['warning', 'surface'],
];
const NON_TEXT_PAIRS: ReadonlyArray<[string, string]> = [
  ['outline', 'surface'],
  ['focus-ring', 'surface'],
  ['focus-ring', 'surface-variant'],
];

async function themedProvider(themeClass: string): Promise<CarnetProvider> {
  return fixture<CarnetProvider>(
    html`<carnet-provider class=${themeClass} db-name=${uniqueDbName('theme')}></carnet-provider>`,
  );
}

function role(element: Element, name: string): string {
  return getComputedStyle(element).getPropertyValue(`--carnet-sys-${name}`).trim();
}

function expectAaContrast(provider: CarnetProvider): void {
  for (const [foreground, background] of TEXT_PAIRS) {
    const ratio = contrastRatio(role(provider, foreground), role(provider, background));
    expect(ratio, `${foreground} on ${background}`).to.be.at.least(4.5);
  }
  for (const [foreground, background] of NON_TEXT_PAIRS) {
    const ratio = contrastRatio(role(provider, foreground), role(provider, background));
    expect(ratio, `${foreground} on ${background}`).to.be.at.least(3);
  }
}

describe('themes', () => {
  const sheets: HTMLStyleElement[] = [];

  before(async () => {
    for (const file of ['dark', 'high-contrast', 'association-example']) {
      const response = await fetch(`/packages/components/themes/${file}.css`);
      const style = document.createElement('style');
      style.textContent = await response.text();
      document.head.append(style);
      sheets.push(style);
    }
  });

  after(() => sheets.forEach((sheet) => sheet.remove()));
  afterEach(() => deleteTestDatabases());

  it('the default theme meets WCAG AA contrast', async () => {
    const provider = await themedProvider('');
    expect(role(provider, 'surface')).to.equal('#ffffff');
    expectAaContrast(provider);
  });

  it('the dark theme re-colours the provider and meets WCAG AA contrast', async () => {
    const provider = await themedProvider('carnet-theme-dark');
    expect(role(provider, 'surface')).to.equal('#1a1c1e');
    expect(getComputedStyle(provider).backgroundColor).to.equal('rgb(26, 28, 30)');
    expectAaContrast(provider);
  });

  it('the high-contrast theme reaches 7:1 for text and thickens the focus ring', async () => {
    const provider = await themedProvider('carnet-theme-high-contrast');
    expect(contrastRatio(role(provider, 'on-surface'), role(provider, 'surface'))).to.equal(21);
    for (const [foreground, background] of TEXT_PAIRS) {
      expect(contrastRatio(role(provider, foreground), role(provider, background)), foreground).to.be.at.least(7);
    }
    expect(role(provider, 'focus-ring-width')).to.equal('4px');
  });

  it('the association example theme meets WCAG AA contrast', async () => {
    const provider = await themedProvider('carnet-theme-association');
    expect(role(provider, 'accent')).to.equal('#6a2c8f');
    expectAaContrast(provider);
  });
});
