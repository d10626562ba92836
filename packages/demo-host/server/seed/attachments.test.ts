import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePdf, makeSvg, pdfText } from './attachments.js';

/** Checks every xref entry points at its `N 0 obj` and startxref at `xref`. */
function assertXrefConsistent(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  assert.equal(text.slice(startxref, startxref + 4), 'xref');
  const table = /xref\n0 (\d+)\n((?:\d{10} \d{5} [fn]\r\n)+)/.exec(text.slice(startxref));
  assert.ok(table, 'an xref table with 20-byte entries');
  const entries = (table[2] ?? '').match(/.{20}/gs) ?? [];
  assert.equal(entries.length, Number(table[1]));
  entries.slice(1).forEach((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    assert.equal(text.slice(offset, offset + `${index + 1} 0 obj`.length), `${index + 1} 0 obj`);
  });
}

describe('PDF attachments', () => {
  it('escapes parentheses and backslashes and encodes accents in WinAnsi octal', () => {
    assert.equal(pdfText('a (b) \\ c'), '(a \\(b\\) \\\\ c)');
    assert.equal(pdfText('Résultats « œ » €'), '(R\\351sultats \\253 \\234 \\273 \\200)');
    assert.equal(pdfText('日本'), '(\\077\\077)');
  });

  it('writes a one-page PDF with exact xref offsets and stream length', () => {
    const pdf = makePdf('Compte rendu (consultation) du Dr Martin — néphrologie', ['2026-03-29', 'CHU de Lyon']);
    const text = pdf.toString('latin1');
    assert.ok(text.startsWith('%PDF-1.4\n'));
    assert.ok(text.endsWith('%%EOF\n'));
    assert.match(text, /\/Count 1/);
    assert.ok(
      [...pdf].every((byte) => byte < 0x80),
      'plain ASCII',
    );
    assertXrefConsistent(pdf);
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
    const start = text.indexOf('stream\n') + 'stream\n'.length;
    assert.equal(text.slice(start + length, start + length + '\nendstream'.length), '\nendstream');
    assert.match(text, /\(Compte rendu \\\(consultation\\\) du Dr Martin \\227\)/);
  });

  it('writes an SVG with the title escaped and nothing active', () => {
    const svg = makeSvg('Radio <du> "genou" & cheville', 'Démo').toString('utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /Radio &#60;du&#62; &#34;genou&#34; &#38; cheville/);
    assert.doesNotMatch(svg, /<script|href=/);
  });
});
