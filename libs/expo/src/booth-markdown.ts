/**
 * A deliberately small Markdown renderer for booth descriptions. Exhibitors write text, not
 * HTML: everything is escaped first, and only paragraphs, line breaks, emphasis, lists and
 * http(s)/mailto links are produced, so no markup an exhibitor types can reach a visitor.
 */
export function renderBoothMarkdown(markdown: string): string {
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const html: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => /^\s*[-*+]\s+/.test(l))) {
      html.push(
        list(
          'ul',
          lines.map((l) => l.replace(/^\s*[-*+]\s+/, '')),
        ),
      );
    } else if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) {
      html.push(
        list(
          'ol',
          lines.map((l) => l.replace(/^\s*\d+[.)]\s+/, '')),
        ),
      );
    } else {
      const text = lines.map((l) => l.replace(/^#{1,6}\s+/, '')).map(inline);
      html.push(`<p>${text.join('<br>')}</p>`);
    }
  }
  return html.join('\n');
}

function list(tag: 'ul' | 'ol', items: string[]): string {
  return `<${tag}>${items.map((i) => `<li>${inline(i)}</li>`).join('')}</${tag}>`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const safeHref = /^(https?:\/\/|mailto:)[^\s"'<>]+$/i;

function inline(raw: string): string {
  // Links are cut out before escaping so their URLs are checked as written.
  const parts: string[] = [];
  const linkPattern = /\[([^\]\n]{1,200})\]\(([^)\s]{1,500})\)/g;
  let last = 0;
  for (const match of raw.matchAll(linkPattern)) {
    const [whole, label = '', href = ''] = match;
    parts.push(emphasis(escapeHtml(raw.slice(last, match.index))));
    if (safeHref.test(href) && URL.canParse(href)) {
      parts.push(
        `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${emphasis(escapeHtml(label))}</a>`,
      );
    } else {
      parts.push(emphasis(escapeHtml(label)));
    }
    last = match.index + whole.length;
  }
  parts.push(emphasis(escapeHtml(raw.slice(last))));
  return parts.join('');
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([^_]*?\S)__/g, '<strong>$1</strong>')
    .replace(/\*(?=\S)([^*]*?\S)\*/g, '<em>$1</em>')
    .replace(/(^|[\s(])_(?=\S)([^_]*?\S)_(?=$|[\s.,;:!?)])/g, '$1<em>$2</em>');
}
