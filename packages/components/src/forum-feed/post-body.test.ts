import { html, render } from 'lit';
import { expect } from '../test-helpers/fixture.js';
import {
  MAX_RENDERED_BODY_LENGTH,
  MAX_RENDERED_DEPTH,
  decodeCharacterReferences,
  loadPostBodyLexer,
  postExcerpt,
  renderPostBody,
  safeExternalUrl,
} from './post-body.js';

// Bodies are lexed by `marked`, loaded on demand (with the first opened thread in the widget).
before(() => loadPostBodyLexer());

function rendered(body: string): HTMLElement {
  const container = document.createElement('div');
  render(html`${renderPostBody(body)}`, container);
  return container;
}

function depthOf(element: Element): number {
  let depth = 0;
  for (const child of element.children) depth = Math.max(depth, depthOf(child));
  return element.children.length === 0 ? 0 : depth + 1;
}

describe('post bodies', () => {
  it('accepts only absolute http(s) addresses', () => {
    expect(safeExternalUrl('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
    expect(safeExternalUrl('HTTP://Example.org')).to.equal('http://example.org/');
    expect(safeExternalUrl('  https://example.org  ')).to.equal('https://example.org/');
    for (const hostile of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative/path',
      'relative',
      'https:',
      'https://',
      'mailto:someone@example.org',
    ]) {
      expect(safeExternalUrl(hostile), hostile).to.equal(undefined);
    }
  });

  it('decodes character references into characters, for text bindings only', () => {
    expect(decodeCharacterReferences('&lt;b&gt; &amp; &#39;x&#x27; &quot;')).to.equal(`<b> & 'x' "`);
    expect(decodeCharacterReferences('&unknown; &#0; &#x110000;')).to.equal('&unknown; &#0; &#x110000;');
  });

  it('renders the supported subset as elements: paragraphs, emphasis, strong, lists, line breaks', () => {
    const container = rendered('Un *peu* et **beaucoup**\nà la ligne\n\n- a\n- b\n\n3. trois\n4. quatre');
    expect([...container.children].map((child) => child.localName)).to.deep.equal(['p', 'ul', 'ol']);
    expect(container.querySelector('em')?.textContent).to.equal('peu');
    expect(container.querySelector('strong')?.textContent).to.equal('beaucoup');
    expect(container.querySelector('p br')).not.to.equal(null);
    expect([...container.querySelectorAll('ul li')].map((li) => li.textContent?.trim())).to.deep.equal(['a', 'b']);
    expect(container.querySelector('ol')?.getAttribute('start')).to.equal('3');
  });

  it('renders a quoted message as a quote, not as raw « > » Markdown', () => {
    const container = rendered('> Bonjour, *merci* pour\n> vos conseils\n\nMa réponse <img src=x onerror=alert(1)>');
    const quote = container.querySelector('blockquote');
    expect(quote, 'a blockquote').not.to.equal(null);
    expect(quote?.textContent).to.contain('Bonjour, merci pour');
    expect(quote?.textContent).to.contain('vos conseils');
    expect(quote?.querySelector('br')).not.to.equal(null);
    expect(quote?.querySelector('em')?.textContent).to.equal('merci');
    expect(container.textContent).not.to.contain('> Bonjour');
    expect(container.querySelector('img')).to.equal(null);
  });

  it('shows unsupported Markdown (headings, code, images, tables) as the text typed', () => {
    const container = rendered(
      '# Titre\n\n```\ncode\n```\n\n![photo](https://example.org/p.png)\n\n| a |\n|---|\n| 1 |',
    );
    expect(container.querySelectorAll('h1, pre, code, img, table')).to.have.length(0);
    expect(container.textContent).to.contain('# Titre');
    expect(container.textContent).to.contain('![photo](https://example.org/p.png)');
  });

  it('caps nesting depth and body length', () => {
    const nested = Array.from({ length: 20 }, (_, level) => `${'  '.repeat(level)}- niveau ${level}`).join('\n');
    const container = rendered(nested);
    // Uncapped, twenty levels of lists would nest forty elements deep.
    expect(depthOf(container)).to.be.at.most(2 * MAX_RENDERED_DEPTH);
    expect(container.textContent).to.contain('niveau 19');
    const long = 'a'.repeat(MAX_RENDERED_BODY_LENGTH + 500);
    expect(rendered(long).textContent?.trim().length).to.equal(MAX_RENDERED_BODY_LENGTH + 1);
  });

  it('makes one-line excerpts for reply context', () => {
    expect(postExcerpt('Bonjour\n\nà *tous*')).to.equal('Bonjour à *tous*');
    expect(postExcerpt('x'.repeat(200), 10)).to.equal(`${'x'.repeat(9)}…`);
  });
});
