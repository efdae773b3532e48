/**
 * A small HTML → text converter for mail bodies. Two modes:
 * - `htmlToText(html)`: neutral conversion; blockquotes become "> " quoted lines.
 * - `visibleHtmlToText(html)`: first cuts the quoted history the common clients append
 *   (Gmail gmail_quote, Outlook divRplyFwdMsg / border-top "From:" blocks, Thunderbird
 *   moz-cite-prefix, Apple Mail blockquote type=cite, Yahoo yahoo_quoted), then converts.
 */

const QUOTE_MARKERS: RegExp[] = [
  /<div[^>]*class=["']?[^"'>]*\bgmail_quote\b/i,
  /<div[^>]*class=["']?[^"'>]*\bgmail_attr\b/i,
  /<div[^>]*id=["']?divRplyFwdMsg/i,
  /<div[^>]*id=["']?appendonsend/i,
  /<[a-z]+[^>]*class=["']?[^"'>]*\bmoz-cite-prefix\b/i,
  /<blockquote[^>]*type=["']?cite/i,
  /<div[^>]*class=["']?[^"'>]*\byahoo_quoted\b/i,
  /<div[^>]*id=["']?(?:yahoo_quoted|OLK_SRC_BODY_SECTION|mail-editor-reference-message-container)/i,
  /<blockquote\b/i,
  /<div[^>]*style=["'][^"']*border-top:\s*solid\s*#(?:B5C4DF|E1E1E1)[^"']*["'][^>]*>\s*(?:<[^>]+>\s*)*From:/i,
  /<hr[^>]*>\s*(?:<[^>]+>\s*)*(?:From|De|Von|Van|Da|Från):/i,
  /-{3,}\s*Original Message\s*-{3,}/i,
];

const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: '\u2019', lsquo: '\u2018',
  rdquo: '\u201d', ldquo: '\u201c', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', middot: '\u00b7',
  eacute: 'é', egrave: 'è', agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä', Uuml: 'Ü', Ouml: 'Ö', Auml: 'Ä',
  szlig: 'ß', ccedil: 'ç', ntilde: 'ñ', iacute: 'í', oacute: 'ó', aacute: 'á', uacute: 'ú', copy: '©', reg: '®',
  ecirc: 'ê', ocirc: 'ô', acirc: 'â', euro: '€', bull: '•', zwnj: '', zwj: '', shy: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? m;
  });
}

const BQ_OPEN = '\u0001BQ+\u0001';
const BQ_CLOSE = '\u0001BQ-\u0001';

/** Neutral conversion: keeps everything; blockquoted lines are prefixed with "> ". */
export function htmlToText(html: string): string {
  let s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title|xml)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<o:p>\s*<\/o:p>/gi, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\s*\n\s*/g, ' ');
  s = s
    .replace(/<blockquote\b[^>]*>/gi, `\n${BQ_OPEN}\n`)
    .replace(/<\/blockquote\s*>/gi, `\n${BQ_CLOSE}\n`)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:p|div|tr|li|ul|ol|h[1-6]|table|pre|section|article|header|footer|hr)\b[^>]*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(/<[^>]+>/g, '');
  s = decodeEntities(s).replace(/\u00a0/g, ' ');
  const out: string[] = [];
  let depth = 0;
  for (const raw of s.split('\n')) {
    if (raw.includes(BQ_OPEN)) { depth++; continue; }
    if (raw.includes(BQ_CLOSE)) { depth = Math.max(0, depth - 1); continue; }
    const line = raw.replace(/[ \t]+/g, ' ').trim();
    out.push(depth > 0 ? `${'>'.repeat(depth)} ${line}`.trimEnd() : line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Index in `html` where the quoted history starts, or -1. */
export function quoteStart(html: string): number {
  let best = -1;
  for (const re of QUOTE_MARKERS) {
    const m = re.exec(html);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

/** The new part of an HTML reply as text (quoted history cut, not yet signature-trimmed). */
export function visibleHtmlToText(html: string): { text: string; quoted: string } {
  const body = html.replace(/<!--[\s\S]*?-->/g, '');
  const cut = quoteStart(body);
  if (cut < 0) return { text: htmlToText(body), quoted: '' };
  const head = htmlToText(body.slice(0, cut));
  // A reply written entirely below the quote (rare) keeps the whole text.
  if (!head.trim()) return { text: htmlToText(body), quoted: '' };
  return { text: head, quoted: htmlToText(body.slice(cut)) };
}
