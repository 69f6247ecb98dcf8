import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import {
  EgressClient,
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  S3Upload,
  TwirpError,
} from 'livekit-server-sdk';
import type { EgressInfo, WebhookEvent } from 'livekit-server-sdk';
import { QueryFailedError } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { RecordingControl, RecordingState, RecordingView } from '@plenum/contracts';
import type { Event, Recording, Session } from '@plenum/db';
import type { Principal, SessionAccess } from '@plenum/identity';
import { AuditService, FileStorage, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import {
  LiveKitWebhookHandlers,
  STAGE_KINDS,
  videoNotConfigured,
  videoRoomName,
} from '@plenum/video';
import type { MediaFile } from './media-response';
import { OnDemandAccessService } from './ondemand-access.service';
import { classifyRecordingUrl } from './recording-urls';
import { RUNNING_RECORDING, RecordingsRepository } from './recordings.repository';
import type { RecordingChanges } from './recordings.repository';

type FileInfo = EgressInfo['fileResults'][number];

const RUNNING: RecordingState[] = RUNNING_RECORDING;

function fromNanos(value: bigint): Date | null {
  return value > 0n ? new Date(Number(value / 1_000_000n)) : null;
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505';
}

/**
 * Session recordings: LiveKit egress records a stage room to a file (or an S3-compatible
 * bucket) between a moderator's start and stop, and the egress webhooks attach the finished file;
 * organizers can also upload a film or link one.
 */
@Injectable()
export class RecordingsService implements OnModuleInit {
  private readonly logger = new Logger(RecordingsService.name);
  private readonly egress: EgressClient | undefined;

  constructor(
    private readonly access: OnDemandAccessService,
    private readonly audit: AuditService,
    private readonly storage: FileStorage,
    private readonly webhooks: LiveKitWebhookHandlers,
    private readonly recordings: RecordingsRepository,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {
    this.egress = config.livekit
      ? new EgressClient(config.livekit.apiUrl, config.livekit.apiKey, config.livekit.apiSecret, {
          requestTimeout: 10,
        })
      : undefined;
  }

  onModuleInit(): void {
    this.webhooks.add((manager, event) => this.onWebhook(manager, event));
  }

  async control({ event, session }: SessionAccess): Promise<RecordingControl> {
    return this.controlOf(event, session);
  }

  async start(access: SessionAccess): Promise<RecordingControl> {
    const { principal, event, session } = access;
    if (!this.egress) throw videoNotConfigured();
    if (!STAGE_KINDS.includes(session.kind) || session.state === 'cancelled') {
      throw PlenumError.validation([
        { path: 'sessionId', message: 'Only a stage session that takes place can be recorded' },
      ]);
    }
    if (await this.recordings.isRecording(session.id)) {
      throw PlenumError.conflict('This session is already being recorded');
    }
    let recording: Recording;
    try {
      // The row claims the session's one running slot before LiveKit is asked, so a second click
      // (or a second moderator) gets a conflict instead of a second egress.
      recording = await this.recordings.add({
        eventId: event.id,
        sessionId: session.id,
        source: 'egress',
        state: 'starting',
        media: 'file',
        contentType: 'video/mp4',
        startedById: principal.userId,
        startedAt: new Date(),
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw PlenumError.conflict('This session is already being recorded');
      }
      throw err;
    }
    const room = videoRoomName(event.id, { kind: 'stage', sessionId: session.id });
    const filepath = `${this.config.recordings.filePrefix}${event.id}/${session.id}-${Date.now()}.mp4`;
    const s3 = this.config.recordings.s3;
    const output = new EncodedFileOutput({
      fileType: EncodedFileType.MP4,
      filepath,
      ...(s3
        ? {
            output: {
              case: 's3',
              value: new S3Upload({
                bucket: s3.bucket,
                region: s3.region,
                endpoint: s3.endpoint ?? '',
                accessKey: s3.accessKey,
                secret: s3.secret,
                forcePathStyle: s3.forcePathStyle,
              }),
            },
          }
        : {}),
    });
    let info: EgressInfo;
    try {
      info = await this.egress.startRoomCompositeEgress(room, output, { layout: 'speaker' });
    } catch (err) {
      this.logger.warn({ err, sessionId: session.id }, `Egress for ${room} did not start`);
      await this.recordings.update(recording.id, {
        state: 'failed',
        error: err instanceof Error ? err.message.slice(0, 1000) : 'Egress did not start',
        endedAt: new Date(),
      });
      throw new PlenumError('SERVICE_UNAVAILABLE', 'LiveKit did not start the recording', 503);
    }
    await this.recordings.update(recording.id, {
      egressId: info.egressId,
      state: info.status === EgressStatus.EGRESS_ACTIVE ? 'recording' : 'starting',
      location: filepath,
    });
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'recording.started',
      targetType: 'session',
      targetId: session.id,
      details: { recordingId: recording.id, egressId: info.egressId },
    });
    this.logger.log({ sessionId: session.id, egressId: info.egressId }, `Recording ${room}`);
    return this.controlOf(event, session);
  }

  async stop(access: SessionAccess): Promise<RecordingControl> {
    const { principal, event, session } = access;
    if (!this.egress) throw videoNotConfigured();
    const running = await this.recordings.running(session.id);
    if (!running) throw PlenumError.conflict('No recording of this session is running');
    if (running.egressId) {
      try {
        await this.egress.stopEgress(running.egressId);
      } catch (err) {
        // An egress that already ended (LiveKit stopped it, or the room closed) is stopped.
        if (!(err instanceof TwirpError) || (err.status !== 404 && err.status !== 412)) {
          this.logger.warn({ err, egressId: running.egressId }, 'Egress did not stop');
          throw new PlenumError('SERVICE_UNAVAILABLE', 'LiveKit did not stop the recording', 503);
        }
      }
    }
    // The webhook may have finished the row meanwhile; only a running one becomes "processing".
    await this.recordings.endIfRunning(running.id, {
      state: running.egressId ? 'processing' : 'failed',
      endedAt: new Date(),
    });
    await this.recordings.update(running.id, { endedById: principal.userId });
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'recording.stopped',
      targetType: 'session',
      targetId: session.id,
      details: { recordingId: running.id, egressId: running.egressId },
    });
    return this.controlOf(event, session);
  }

  async upload(
    { principal, event, session }: SessionAccess,
    file: IncomingUpload,
  ): Promise<RecordingControl> {
    const { key: storageKey, bytes } = await file.store(this.storage, 'recordings');
    const recording = await this.recordings.add({
      eventId: event.id,
      sessionId: session.id,
      source: 'upload',
      state: 'ready',
      media: 'file',
      storageKey,
      contentType: file.contentType,
      sizeBytes: bytes,
      startedById: principal.userId,
    });
    await this.recordAttached(event, principal, session, recording);
    return this.controlOf(event, session);
  }

  async attachUrl(
    { principal, event, session }: SessionAccess,
    input: string,
  ): Promise<RecordingControl> {
    const link = classifyRecordingUrl(input);
    if (!link.ok) throw PlenumError.validation([{ path: 'url', message: link.message }]);
    const recording = await this.recordings.add({
      eventId: event.id,
      sessionId: session.id,
      source: 'url',
      state: 'ready',
      media: link.media,
      url: link.url,
      startedById: principal.userId,
    });
    await this.recordAttached(event, principal, session, recording);
    return this.controlOf(event, session);
  }

  async remove(
    { principal, event, session }: SessionAccess,
    recordingId: string,
  ): Promise<RecordingControl> {
    const recording = await this.recordings.recording({ sessionId: session.id }, recordingId);
    if (!recording) throw PlenumError.notFound('Recording not found');
    if (RUNNING.includes(recording.state)) {
      throw PlenumError.conflict('Stop the recording before removing it');
    }
    await this.recordings.delete(recording.id);
    if (recording.storageKey) await this.storage.remove(recording.storageKey);
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'recording.removed',
      targetType: 'session',
      targetId: session.id,
      details: { recordingId: recording.id, source: recording.source },
    });
    return this.controlOf(event, session);
  }

  /** The replay of each session: its newest ready recording that a browser can play. */
  async replays(event: Event, sessionIds: string[]): Promise<Map<string, RecordingView>> {
    const result = new Map<string, RecordingView>();
    if (sessionIds.length === 0) return result;
    const rows = await this.recordings.ready(sessionIds);
    const names = await this.namesOf(rows);
    for (const row of rows) {
      if (result.has(row.sessionId)) continue;
      const view = this.view(event, row, names);
      if (view.playbackUrl) result.set(row.sessionId, view);
    }
    return result;
  }

  /** The file behind a replay the api serves itself (an upload, or an egress file on a shared volume). */
  async file(event: Event, recordingId: string): Promise<MediaFile> {
    const recording = await this.recordings.recording({ eventId: event.id }, recordingId);
    if (!recording || recording.state !== 'ready')
      throw PlenumError.notFound('Recording not found');
    const contentType = recording.contentType ?? 'video/mp4';
    if (recording.storageKey) {
      const key = recording.storageKey;
      return {
        size: await this.storage.size(key),
        contentType,
        open: (start, end) => this.storage.read(key, start, end),
      };
    }
    const path = this.egressFilePath(recording);
    if (!path) throw PlenumError.notFound('Recording not found');
    try {
      const { size } = await stat(path);
      return {
        size,
        contentType,
        open: (start, end) => Promise.resolve(createReadStream(path, { start, end })),
      };
    } catch {
      throw PlenumError.notFound('Recording not found');
    }
  }

  /**
   * Applies an egress webhook to its recording. Runs in the webhook's transaction, so a
   * duplicate delivery never applies twice; a finished recording is never reopened.
   */
  private async onWebhook(manager: EntityManager, event: WebhookEvent): Promise<void> {
    if (!event.event.startsWith('egress_') || !event.egressInfo?.egressId) return;
    const info = event.egressInfo;
    const recording = await this.recordings.byEgressId(manager, info.egressId);
    if (!recording || recording.state === 'ready' || recording.state === 'failed') return;
    const changes: RecordingChanges = {};
    switch (info.status) {
      case EgressStatus.EGRESS_STARTING:
        break;
      case EgressStatus.EGRESS_ACTIVE:
        if (recording.state === 'starting') changes.state = 'recording';
        changes.startedAt = fromNanos(info.startedAt) ?? recording.startedAt;
        break;
      case EgressStatus.EGRESS_ENDING:
        changes.state = 'processing';
        break;
      case EgressStatus.EGRESS_COMPLETE:
      case EgressStatus.EGRESS_LIMIT_REACHED: {
        const file = this.fileResult(info);
        if (file) Object.assign(changes, this.finished(file));
        else Object.assign(changes, { state: 'failed', error: 'The egress wrote no file' });
        changes.endedAt = fromNanos(info.endedAt) ?? new Date();
        break;
      }
      default:
        changes.state = 'failed';
        changes.error = (info.error || `Egress ended as ${EgressStatus[info.status]}`).slice(
          0,
          1000,
        );
        changes.endedAt = fromNanos(info.endedAt) ?? new Date();
    }
    if (Object.keys(changes).length === 0) return;
    await this.recordings.updateIn(manager, recording.id, changes);
    this.logger.log(
      { recordingId: recording.id, egressId: info.egressId, state: changes.state },
      `Egress ${info.egressId}: ${event.event}`,
    );
  }

  private fileResult(info: EgressInfo): FileInfo | undefined {
    if (info.fileResults[0]) return info.fileResults[0];
    return info.result.case === 'file' ? info.result.value : undefined;
  }

  private finished(file: FileInfo): RecordingChanges {
    const s3 = this.config.recordings.s3;
    const location = file.location || file.filename;
    return {
      state: 'ready',
      location: location.slice(0, 2000),
      // With a public address for the bucket, browsers fetch the file from there.
      url:
        s3?.publicUrl && file.filename
          ? `${s3.publicUrl}/${file.filename.replace(/^\/+/, '')}`
          : null,
      sizeBytes: file.size > 0n ? Number(file.size) : null,
      durationSeconds: file.duration > 0n ? Math.round(Number(file.duration) / 1e9) : null,
    };
  }

  /** Where the api reads an egress file: RECORDINGS_FILE_DIR stands for the path prefix. */
  private egressFilePath(recording: Recording): string | null {
    const dir = this.config.recordings.fileDir;
    const written = recording.location;
    if (recording.source !== 'egress' || !dir || !written || recording.url) return null;
    const prefix = this.config.recordings.filePrefix;
    const at = prefix ? written.indexOf(prefix) : 0;
    if (at < 0) return null;
    const path = resolve(dir, written.slice(at + prefix.length));
    return path.startsWith(dir + sep) ? path : null;
  }

  private async recordAttached(
    event: Event,
    principal: Principal,
    session: Session,
    recording: Recording,
  ): Promise<void> {
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'recording.attached',
      targetType: 'session',
      targetId: session.id,
      details: { recordingId: recording.id, source: recording.source, media: recording.media },
    });
  }

  private async controlOf(event: Event, session: Session): Promise<RecordingControl> {
    const rows = await this.recordings.ofSession(session.id);
    const names = await this.namesOf(rows);
    const views = rows.map((r) => this.view(event, r, names));
    return {
      available: this.egress !== undefined && STAGE_KINDS.includes(session.kind),
      current: views.find((v) => RUNNING.includes(v.state)) ?? null,
      recordings: views,
    };
  }

  private async namesOf(rows: Recording[]): Promise<Map<string, string>> {
    const ids = [
      ...new Set(rows.flatMap((r) => [r.startedById, r.endedById]).filter((id) => id !== null)),
    ];
    const people = await this.recordings.displayNames(ids);
    return new Map(people.map((p) => [p.id, p.displayName]));
  }

  view(event: Event, r: Recording, names: Map<string, string>): RecordingView {
    return {
      id: r.id,
      sessionId: r.sessionId,
      source: r.source,
      state: r.state,
      media: r.media,
      playbackUrl: r.state === 'ready' ? this.playbackUrl(event, r) : null,
      contentType: r.contentType,
      durationSeconds: r.durationSeconds,
      sizeBytes: r.sizeBytes,
      startedAt: r.startedAt?.toISOString() ?? null,
      endedAt: r.endedAt?.toISOString() ?? null,
      startedBy: r.startedById ? (names.get(r.startedById) ?? null) : null,
      endedBy: r.endedById ? (names.get(r.endedById) ?? null) : null,
      error: r.error,
      createdAt: r.createdAt.toISOString(),
    };
  }

  private playbackUrl(event: Event, r: Recording): string | null {
    if (r.url) return r.url;
    if (r.storageKey || this.egressFilePath(r)) {
      return this.access.links.sign(recordingFilePath(event.slug, r.id));
    }
    return null;
  }
}

export function recordingFilePath(slug: string, recordingId: string): string {
  return `/api/events/${encodeURIComponent(slug)}/media/recordings/${recordingId}/file`;
}
