/**
 * Phone widths: the checks every widget's phone test makes, at 390 px (a common phone)
 * and 320 px (the narrowest, or 200 % zoom on 640 px).
 */
import { setViewport } from '@web/test-runner-commands';
import { expect } from './fixture.js';

/** The widths a widget must fit. */
export const PHONE_WIDTHS = [390, 320] as const;

/** Sets the page's width (and a phone's height). */
export function phoneViewport(width: number): Promise<void> {
  return setViewport({ width, height: 800 });
}

/** Back to the width the other tests expect. */
export function desktopViewport(): Promise<void> {
  return setViewport({ width: 1280, height: 900 });
}

/** Fails when a part of `element` reaches beyond `width`, or the page scrolls sideways. */
export function expectFits(element: Element, width: number): void {
  const beyond = [...(element.shadowRoot?.querySelectorAll('*') ?? [])]
    .filter((part) => part.getBoundingClientRect().right > width + 0.5)
    .map((part) => `${part.localName}${part.getAttribute('part') ? `[part=${part.getAttribute('part')}]` : ''}`);
  expect(beyond, 'parts beyond the page edge').to.deep.equal([]);
  expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(width);
}
