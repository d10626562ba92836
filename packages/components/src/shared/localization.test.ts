import { msg } from '@lit/localize';
import { expect, fixtureSync, html } from '../test-helpers/fixture.js';
import {
  ensureCarnetLocalization,
  getCarnetLocale,
  resolveAncestorLocale,
  setCarnetLocale,
  toCarnetLocale,
} from './localization.js';

describe('localization', () => {
  afterEach(() => setCarnetLocale('fr'));

  it('maps BCP 47 tags to the locales Carnet ships', () => {
    expect(toCarnetLocale('fr')).to.equal('fr');
    expect(toCarnetLocale('fr-CA')).to.equal('fr');
    expect(toCarnetLocale('EN-gb')).to.equal('en');
    expect(toCarnetLocale('en_US')).to.equal('en');
    expect(toCarnetLocale('de')).to.equal(undefined);
    expect(toCarnetLocale('')).to.equal(undefined);
    expect(toCarnetLocale(null)).to.equal(undefined);
  });

  it("takes the nearest ancestor's lang, through shadow roots, else French", async () => {
    const outer = fixtureSync<HTMLDivElement>(
      html`<div lang="en-GB">
        <section lang="de"><p></p></section>
        <p></p>
      </div>`,
    );
    const inGerman = outer.querySelector('section p') as HTMLElement;
    const inEnglish = outer.querySelector(':scope > p') as HTMLElement;
    expect(resolveAncestorLocale(inEnglish)).to.equal('en');
    expect(resolveAncestorLocale(inGerman)).to.equal('fr');

    const host = document.createElement('div');
    outer.append(host);
    const shadowChild = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    expect(resolveAncestorLocale(shadowChild)).to.equal('en');

    const detached = document.createElement('span');
    expect(resolveAncestorLocale(detached)).to.equal('fr');
  });

  it('can be configured any number of times without throwing', () => {
    expect(() => {
      ensureCarnetLocalization();
      ensureCarnetLocalization();
    }).not.to.throw();
    expect(getCarnetLocale()).to.equal('fr');
  });

  it('loads the English strings when asked, and returns to the French source', async () => {
    ensureCarnetLocalization();
    expect(msg('Réessayer')).to.equal('Réessayer');
    await setCarnetLocale('en');
    expect(getCarnetLocale()).to.equal('en');
    expect(msg('Réessayer')).to.equal('Retry');
    expect(msg('Votre carnet est vide')).to.equal('Your record is empty');
    await setCarnetLocale('fr');
    expect(msg('Votre carnet est vide')).to.equal('Votre carnet est vide');
  });
});
