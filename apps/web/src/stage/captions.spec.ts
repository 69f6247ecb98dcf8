import { describe, expect, it } from '@jest/globals';
import { captionLabels, captionLimits, expireCaptions, mergeCaptions } from './captions';
import type { CaptionSegment } from './captions';

const anna = { speakerId: 'u-anna', speaker: 'Dr. Anna Weber' };
const ben = { speakerId: 'u-ben', speaker: 'Ben Ott' };
const segment = (id: string, text: string, final: boolean, who = anna): CaptionSegment => ({
  id,
  text,
  final,
  ...who,
});

describe('captions', () => {
  it('updates a segment in place until it is final', () => {
    let lines = mergeCaptions([], [segment('s1', 'Guten', false)], 1_000);
    lines = mergeCaptions(lines, [segment('s1', 'Guten Morgen', false)], 1_500);
    lines = mergeCaptions(lines, [segment('s1', 'Guten Morgen, Frau Ministerin.', true)], 2_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      text: 'Guten Morgen, Frau Ministerin.',
      final: true,
      firstAt: 1_000,
      updatedAt: 2_000,
    });
  });

  it('keeps the two newest lines and drops empty segments', () => {
    const lines = mergeCaptions(
      [],
      [segment('s1', 'Eins.', true), segment('s2', '   ', false), segment('s3', 'Zwei.', true)],
      0,
    );
    const more = mergeCaptions(lines, [segment('s4', 'Drei', false)], 100);
    expect(more.map((l) => l.text)).toEqual(['Zwei.', 'Drei']);
    expect(more).toHaveLength(captionLimits.lines);
  });

  it('does not mix up two speakers whose segments share an id', () => {
    const lines = mergeCaptions(
      [],
      [segment('1', 'Ja.', true), segment('1', 'Nein.', true, ben)],
      0,
    );
    expect(captionLabels(lines)).toEqual(['Dr. Anna Weber: Ja.', 'Ben Ott: Nein.']);
  });

  it('names nobody while only one person speaks', () => {
    const lines = mergeCaptions([], [segment('1', 'Ja.', true), segment('2', 'Genau.', true)], 0);
    expect(captionLabels(lines)).toEqual(['Ja.', 'Genau.']);
  });

  it('lets a final line go after a few seconds and a stuck unfinished one later', () => {
    const lines = mergeCaptions([], [segment('f', 'Fertig.', true), segment('i', 'Und', false)], 0);
    expect(expireCaptions(lines, captionLimits.finalMs - 1)).toBe(lines);
    expect(expireCaptions(lines, captionLimits.finalMs).map((l) => l.id)).toEqual(['i']);
    expect(expireCaptions(lines, captionLimits.interimMs)).toEqual([]);
  });

  it('clears a segment that is withdrawn with empty text', () => {
    const lines = mergeCaptions([], [segment('s1', 'Äh', false)], 0);
    expect(mergeCaptions(lines, [segment('s1', '', true)], 10)).toEqual([]);
  });
});
