import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A tiny HLS stream made in the test, with nothing downloaded and no encoder (no ffmpeg in CI):
 * audio only, as packed MPEG audio (silent MP3 frames with the ID3 timestamp HLS asks for),
 * which Chromium decodes without proprietary codecs, plus a German WebVTT subtitle track.
 */

const SEGMENTS = 20;
/** At 48 kHz an MPEG-1 Layer III frame is 1152 samples = 24 ms; 80 frames = 1.92 s. */
const FRAMES_PER_SEGMENT = 80;
const SEGMENT_SECONDS = 1.92;
const FIRST_PTS = 900_000; // 10 s on the 90 kHz clock, as a packager's would not start at 0

export const CAPTION_TEXT = 'Willkommen zum Abschlusspanel.';

/** A silent frame: header (128 kbit/s, 48 kHz, mono, no CRC), zero side info, zero data. */
function silentFrame(): Buffer {
  const frame = Buffer.alloc(384);
  frame.set([0xff, 0xfb, 0x94, 0xc0]);
  return frame;
}

/** The ID3v2.4 PRIV frame with which packed audio tells its presentation time (RFC 8216 3.4). */
function id3Timestamp(pts: number): Buffer {
  const owner = Buffer.from('com.apple.streaming.transportStreamTimestamp\0', 'latin1');
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(pts));
  const data = Buffer.concat([owner, stamp]);
  const frameHeader = Buffer.alloc(10);
  frameHeader.write('PRIV', 0, 'latin1');
  frameHeader.set(syncsafe(data.length), 4);
  const tagHeader = Buffer.alloc(10);
  tagHeader.write('ID3', 0, 'latin1');
  tagHeader.set([4, 0, 0], 3);
  tagHeader.set(syncsafe(frameHeader.length + data.length), 6);
  return Buffer.concat([tagHeader, frameHeader, data]);
}

function syncsafe(n: number): number[] {
  return [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];
}

function streamFiles(): Map<string, { type: string; body: Buffer | string }> {
  const total = (SEGMENTS * SEGMENT_SECONDS).toFixed(3);
  const files = new Map<string, { type: string; body: Buffer | string }>();
  const m3u8 = 'application/vnd.apple.mpegurl';
  files.set('index.m3u8', {
    type: m3u8,
    body: [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Deutsch",LANGUAGE="de",DEFAULT=YES,AUTOSELECT=YES,URI="subs.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=140000,CODECS="mp4a.40.34",SUBTITLES="subs"',
      'audio.m3u8',
      '',
    ].join('\n'),
  });
  const segmentLines: string[] = [];
  const frame = silentFrame();
  for (let i = 0; i < SEGMENTS; i += 1) {
    const pts = FIRST_PTS + Math.round(i * SEGMENT_SECONDS * 90_000);
    const frames = Array.from({ length: FRAMES_PER_SEGMENT }, () => frame);
    files.set(`audio${i}.mp3`, {
      type: 'audio/mpeg',
      body: Buffer.concat([id3Timestamp(pts), ...frames]),
    });
    segmentLines.push(`#EXTINF:${SEGMENT_SECONDS.toFixed(3)},`, `audio${i}.mp3`);
  }
  files.set('audio.m3u8', {
    type: m3u8,
    body: [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-TARGETDURATION:2',
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      ...segmentLines,
      '#EXT-X-ENDLIST',
      '',
    ].join('\n'),
  });
  files.set('subs.m3u8', {
    type: m3u8,
    body: [
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      `#EXT-X-TARGETDURATION:${Math.ceil(Number(total))}`,
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      `#EXTINF:${total},`,
      'subs.vtt',
      '#EXT-X-ENDLIST',
      '',
    ].join('\n'),
  });
  files.set('subs.vtt', {
    type: 'text/vtt',
    body: [
      'WEBVTT',
      `X-TIMESTAMP-MAP=MPEGTS:${FIRST_PTS},LOCAL:00:00:00.000`,
      '',
      `00:00:00.000 --> 00:00:${total.padStart(6, '0')}`,
      `<v Moderation>${CAPTION_TEXT}`,
      '',
    ].join('\n'),
  });
  return files;
}

/**
 * Serves the stream over HTTP on 127.0.0.1 with CORS, as a packager or CDN would. Until
 * `start()` it answers 404, like a stream whose encoder has not started yet.
 */
export class HlsStream {
  private readonly files = streamFiles();
  private readonly server: Server;
  private live = false;
  readonly requested: string[] = [];
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      const name = (req.url ?? '').replace(/^\/stream\//, '').split('?')[0] ?? '';
      this.requested.push(name);
      const file = this.live ? this.files.get(name) : undefined;
      res.setHeader('access-control-allow-origin', '*');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      res.end(file.body);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/stream/index.m3u8`;
    return this.url;
  }

  start(): void {
    this.live = true;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
