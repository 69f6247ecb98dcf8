export type ChatTextPart =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; name: string };

// Only http(s) links are made clickable: javascript: and data: URLs stay plain text.
const pattern = /(https?:\/\/[^\s<>"]+)|(@[\p{L}\p{N}][\p{L}\p{N}._-]*)/giu;
const trailingPunctuation = /[.,;:!?)\]'»"]+$/;

/**
 * Splits a chat message into plain text, links and @mentions. The parts are rendered as React
 * text nodes and anchors, never as HTML, so markup in a message shows as typed.
 */
export function chatTextParts(body: string): ChatTextPart[] {
  const parts: ChatTextPart[] = [];
  let at = 0;
  const push = (part: ChatTextPart) => {
    const previous = parts.at(-1);
    if (part.kind === 'text' && previous?.kind === 'text') {
      previous.text += part.text;
    } else if (part.text !== '') {
      parts.push(part);
    }
  };
  for (const match of body.matchAll(pattern)) {
    const start = match.index;
    push({ kind: 'text', text: body.slice(at, start) });
    const [whole, url, mention] = match;
    if (url) {
      const trailing = trailingPunctuation.exec(url)?.[0] ?? '';
      const link = url.slice(0, url.length - trailing.length);
      push({ kind: 'link', text: link, href: link });
      push({ kind: 'text', text: trailing });
    } else if (mention) {
      push({ kind: 'mention', text: mention, name: mention.slice(1) });
    } else {
      push({ kind: 'text', text: whole });
    }
    at = start + whole.length;
  }
  push({ kind: 'text', text: body.slice(at) });
  return parts;
}

/** A mention is of me when it names my first name or my whole name run together. */
export function mentionsMe(name: string, displayName: string): boolean {
  const mine = displayName.toLocaleLowerCase();
  const first = mine.split(/\s+/)[0] ?? '';
  const said = name.toLocaleLowerCase();
  return said === first || said === mine.replace(/\s+/g, '');
}
