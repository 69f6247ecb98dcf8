import { classifyRecordingUrl } from './recording-urls';

describe('classifyRecordingUrl', () => {
  it.each([
    [
      'https://media.example/replays/keynote.mp4',
      'file',
      'https://media.example/replays/keynote.mp4',
    ],
    [
      'https://cdn.example/live/stage/index.m3u8',
      'hls',
      'https://cdn.example/live/stage/index.m3u8',
    ],
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'embed',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ],
    ['https://youtu.be/dQw4w9WgXcQ', 'embed', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'embed', 'https://player.vimeo.com/video/76979871'],
    ['https://player.vimeo.com/video/76979871', 'embed', 'https://player.vimeo.com/video/76979871'],
  ])('accepts %s as %s', (input, media, url) => {
    expect(classifyRecordingUrl(input)).toEqual({ ok: true, media, url });
  });

  it.each([
    'not a url',
    'http://media.example/replays/keynote.mp4',
    'javascript:alert(1)',
    'https://media.example/replays/keynote.html',
    'https://evil.example/embed/dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=<script>',
    'https://user:pw@media.example/a.mp4',
  ])('refuses %s', (input) => {
    expect(classifyRecordingUrl(input).ok).toBe(false);
  });
});
