import { normaliseChatText } from './chat.service';

describe('normaliseChatText', () => {
  it('keeps markup and line breaks as typed', () => {
    expect(normaliseChatText('<b>hi</b>\nzweite Zeile')).toBe('<b>hi</b>\nzweite Zeile');
  });

  it('drops control characters and bidirectional overrides, and trims', () => {
    expect(normaliseChatText('  a\u0000b\u0007c\u202ed\u2066e  ')).toBe('abcde');
  });

  it('shrinks runs of blank lines', () => {
    expect(normaliseChatText('a\r\n\r\n\r\n\r\nb')).toBe('a\n\nb');
  });
});
