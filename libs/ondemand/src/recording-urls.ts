import type { RecordingMedia } from '@plenum/contracts';

export type RecordingLink =
  { ok: true; media: RecordingMedia; url: string } | { ok: false; message: string };

const VIDEO_FILE = /\.(mp4|m4v|webm)$/i;
const HLS = /\.m3u8$/i;
const YOUTUBE_ID = /^[\w-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;

/**
 * Classifies a replay link: a video file or an HLS playlist over HTTPS, or a YouTube or Vimeo
 * page, turned into the player URL these hosts allow in a frame (and the CSP lists). Anything
 * else is refused with the reason, so an organizer can fix the link.
 */
export function classifyRecordingUrl(input: string): RecordingLink {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: 'Enter a full address starting with https://' };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: 'Only https:// addresses can be played in the browser' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'The address must not contain a user name or password' };
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === 'youtube.com' || host === 'm.youtube.com' || host === 'youtube-nocookie.com') {
    const id =
      segments[0] === 'watch'
        ? url.searchParams.get('v')
        : segments[0] === 'embed' || segments[0] === 'live' || segments[0] === 'shorts'
          ? segments[1]
          : null;
    if (id && YOUTUBE_ID.test(id)) {
      return { ok: true, media: 'embed', url: `https://www.youtube-nocookie.com/embed/${id}` };
    }
    return { ok: false, message: 'This YouTube address does not name a video' };
  }
  if (host === 'youtu.be') {
    const id = segments[0];
    if (id && YOUTUBE_ID.test(id)) {
      return { ok: true, media: 'embed', url: `https://www.youtube-nocookie.com/embed/${id}` };
    }
    return { ok: false, message: 'This YouTube address does not name a video' };
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = host === 'player.vimeo.com' && segments[0] === 'video' ? segments[1] : segments[0];
    if (id && VIMEO_ID.test(id)) {
      return { ok: true, media: 'embed', url: `https://player.vimeo.com/video/${id}` };
    }
    return { ok: false, message: 'This Vimeo address does not name a video' };
  }
  if (HLS.test(url.pathname)) return { ok: true, media: 'hls', url: url.toString() };
  if (VIDEO_FILE.test(url.pathname)) return { ok: true, media: 'file', url: url.toString() };
  return {
    ok: false,
    message:
      'Link a video file (.mp4, .webm), an HLS playlist (.m3u8), or a YouTube or Vimeo video',
  };
}

/** The hosts whose players the web app may frame (Content-Security-Policy frame-src). */
export const embedPlayerOrigins = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];
