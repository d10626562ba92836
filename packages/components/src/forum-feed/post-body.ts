/**
 * Post bodies: plain text with a small Markdown subset, lexed by `marked` and
 * rendered from its tokens through Lit templates. No HTML string ever reaches
 * the DOM: every piece of user text goes through a text binding, and the only
 * attribute taken from a post is a link's `href`, once checked to be http(s).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Lexer, Token, Tokens } from 'marked';

/** Longest body rendered; anything beyond is cut (the SDK stores at most 10,000 characters). */
export const MAX_RENDERED_BODY_LENGTH = 10_000;

/** Deepest nesting rendered as structure; deeper tokens show as their plain text. */
export const MAX_RENDERED_DEPTH = 6;

/** Link relation of every link a post holds: no opener, no referrer, no SEO credit, user content. */
export const POST_LINK_REL = 'noopener noreferrer nofollow ugc';

type Rendered = TemplateResult | string | typeof nothing | readonly Rendered[];

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * Decodes the character references `marked` leaves in text (`&amp;`, `&#39;`),
 * so the patient reads the characters. Safe: the result only ever feeds text bindings.
 */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (match, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? match;
  });
}

/**
 * The absolute `http:`/`https:` address a link may point to, or `undefined` for
 * anything else (`javascript:`, `data:`, `vbscript:`, relative, protocol-relative,
 * unparsable). Parsed with `URL`, as the browser would, after decoding references.
 */
export function safeExternalUrl(href: string): string | undefined {
  const candidate = decodeCharacterReferences(href).trim();
  // Relative and protocol-relative addresses would inherit the embedding site's scheme and host.
  if (!/^https?:/i.test(candidate)) return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

// `marked` (about 17 kB gzip) is loaded when a thread is first opened, not with the feed.
let lexerClass: typeof Lexer | undefined;
let lexerLoading: Promise<void> | undefined;

/**
 * Loads the Markdown lexer post bodies need (once; a failed load is tried again next time).
 * Until it has loaded, or if it cannot load, bodies show as the text the patient typed.
 */
export function loadPostBodyLexer(): Promise<void> {
  lexerLoading ??= import('marked').then(
    (marked) => {
      lexerClass = marked.Lexer;
    },
    (error: unknown) => {
      lexerLoading = undefined;
      throw error;
    },
  );
  return lexerLoading;
}

/** Tokens of a body, as `marked` lexes it (GFM, single newlines are line breaks). */
export function lexPostBody(body: string): Token[] {
  const capped = body.length > MAX_RENDERED_BODY_LENGTH ? `${body.slice(0, MAX_RENDERED_BODY_LENGTH)}…` : body;
  if (!lexerClass) throw new Error('loadPostBodyLexer() first');
  return new lexerClass({ gfm: true, breaks: true }).lex(capped);
}

// What the patient typed for a token we do not render as structure, shown as text.
function rawText(token: Token): TemplateResult {
  return html`<span class="raw">${token.raw}</span>`;
}

function renderLink(token: Tokens.Link, depth: number): Rendered {
  const href = safeExternalUrl(token.href);
  if (href === undefined) return rawText(token);
  return html`<a href=${href} rel=${POST_LINK_REL} target="_blank" part="post-link"
    >${renderInline(token.tokens, depth + 1)}<span class="visually-hidden"> ${msg('(nouvelle fenêtre)')}</span></a
  >`;
}

function renderInlineToken(token: Token, depth: number): Rendered {
  if (depth > MAX_RENDERED_DEPTH) return rawText(token);
  switch (token.type) {
    case 'text':
      // Text inside list items carries its own inline tokens.
      return 'tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0
        ? renderInline(token.tokens, depth + 1)
        : decodeCharacterReferences((token as Tokens.Text).text);
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return html`<strong>${renderInline((token as Tokens.Strong).tokens, depth + 1)}</strong>`;
    case 'em':
      return html`<em>${renderInline((token as Tokens.Em).tokens, depth + 1)}</em>`;
    case 'br':
      return html`<br />`;
    case 'link':
      return renderLink(token as Tokens.Link, depth);
    default:
      // html, images, code spans, strikethrough…: what was typed, as text.
      return rawText(token);
  }
}

function renderInline(tokens: readonly Token[] | undefined, depth: number): Rendered[] {
  return (tokens ?? []).map((token) => renderInlineToken(token, depth));
}

function renderListItem(item: Tokens.ListItem, depth: number): TemplateResult {
  return html`<li>${item.tokens.map((token) => renderBlockToken(token, depth + 1))}</li>`;
}

function renderList(list: Tokens.List, depth: number): TemplateResult {
  const items = list.items.map((item) => renderListItem(item, depth + 1));
  if (!list.ordered)
    return html`<ul>
      ${items}
    </ul>`;
  const start = typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
  return start === undefined
    ? html`<ol>
        ${items}
      </ol>`
    : html`<ol start=${start}>
        ${items}
      </ol>`;
}

function renderBlockToken(token: Token, depth: number): Rendered {
  if (depth > MAX_RENDERED_DEPTH) return html`<p class="raw">${token.raw}</p>`;
  switch (token.type) {
    case 'paragraph':
      return html`<p>${renderInline((token as Tokens.Paragraph).tokens, depth + 1)}</p>`;
    case 'list':
      return renderList(token as Tokens.List, depth);
    case 'space':
      return nothing;
    case 'def':
      // Reference definitions only feed reference links, whose address is checked like any other.
      return nothing;
    case 'text':
      return renderInlineToken(token, depth);
    case 'blockquote':
      // A quoted message (« > » lines, as a reply quotes): shown as a quote, its text through bindings.
      return html`<blockquote part="post-quote">
        ${(token as Tokens.Blockquote).tokens.map((inner) => renderBlockToken(inner, depth + 1))}
      </blockquote>`;
    default:
      // Headings, code blocks, block HTML, tables, rules: what was typed, as text.
      return html`<p class="raw">${token.raw.replace(/\n+$/, '')}</p>`;
  }
}

/** A post body as Lit templates: paragraphs, emphasis, lists, quotes, safe links and line breaks. */
export function renderPostBody(body: string): Rendered[] {
  if (!lexerClass) {
    const capped = body.length > MAX_RENDERED_BODY_LENGTH ? `${body.slice(0, MAX_RENDERED_BODY_LENGTH)}…` : body;
    return [html`<p class="raw">${capped}</p>`];
  }
  return lexPostBody(body).map((token) => renderBlockToken(token, 0));
}

/** The body as one line of plain text (for reply excerpts), at most `length` characters. */
export function postExcerpt(body: string, length = 90): string {
  const flat = decodeCharacterReferences(body.replace(/\s+/g, ' ').trim());
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
