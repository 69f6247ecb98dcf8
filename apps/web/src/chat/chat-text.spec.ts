import { describe, expect, it } from '@jest/globals';
import { chatTextParts, mentionsMe } from './chat-text';

describe('chat text', () => {
  it('keeps markup as text', () => {
    expect(chatTextParts('<img src=x onerror=alert(1)> <b>hi</b>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> <b>hi</b>' },
    ]);
  });

  it('finds http(s) links without trailing punctuation, and nothing else', () => {
    expect(chatTextParts('Siehe https://example.org/a?b=1. Und javascript:alert(1)')).toEqual([
      { kind: 'text', text: 'Siehe ' },
      { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { kind: 'text', text: '. Und javascript:alert(1)' },
    ]);
  });

  it('finds mentions', () => {
    expect(chatTextParts('Danke @Moritz, gut gesagt')).toEqual([
      { kind: 'text', text: 'Danke ' },
      { kind: 'mention', text: '@Moritz', name: 'Moritz' },
      { kind: 'text', text: ', gut gesagt' },
    ]);
    expect(mentionsMe('moritz', 'Moritz Moderator')).toBe(true);
    expect(mentionsMe('MoritzModerator', 'Moritz Moderator')).toBe(true);
    expect(mentionsMe('Anna', 'Moritz Moderator')).toBe(false);
  });
});
