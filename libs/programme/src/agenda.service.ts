import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { Agenda, CalendarFeedView } from '@plenum/contracts';
import type { Event, Session } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { AgendaRepository } from './agenda.repository';
import { CalendarService } from './calendar.service';
import { ProgrammeReader, sessionViews } from './programme-reader.service';
import { ProgrammeRepository } from './programme.repository';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A person's own agenda ("Mein Programm") and its secret calendar feed. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly agendas: AgendaRepository,
    private readonly programme: ProgrammeRepository,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
    private readonly reader: ProgrammeReader,
    private readonly calendar: CalendarService,
  ) {}

  async agenda(userId: string, event: Event): Promise<Agenda> {
    const items = await this.agendas.itemsOf(userId, event.id);
    const added = new Map(items.map((i) => [i.sessionId, i.createdAt]));
    const data = await this.reader.load(
      event,
      items.map((i) => i.sessionId),
    );
    const views = sessionViews(data, event.timeZone);
    const live = views.filter((s) => s.state !== 'cancelled');
    return {
      timeZone: event.timeZone,
      entries: views.map((session) => ({
        session,
        addedAt: (added.get(session.id) ?? new Date()).toISOString(),
        overlapsWith:
          session.state === 'cancelled'
            ? []
            : live
                .filter(
                  (other) =>
                    other.id !== session.id &&
                    other.startsAt < session.endsAt &&
                    other.endsAt > session.startsAt,
                )
                .map((other) => other.id),
      })),
    };
  }

  /** Adding twice is the same as adding once. The guard found the session in the event. */
  async add(principal: Principal, event: Event, session: Session): Promise<Agenda> {
    await this.agendas.addItem(principal.userId, event.id, session.id);
    return this.agenda(principal.userId, event);
  }

  async remove(principal: Principal, event: Event, sessionId: string): Promise<Agenda> {
    await this.agendas.removeItem(principal.userId, event.id, sessionId);
    return this.agenda(principal.userId, event);
  }

  async feedStatus(principal: Principal, event: Event): Promise<CalendarFeedView> {
    const feed = await this.agendas.activeFeed(principal.userId, event.id);
    return { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /**
   * A new secret feed address; any earlier one stops working. The address is shown once: only
   * its hash is kept, so a leaked database does not leak anyone's agenda.
   */
  async createFeed(principal: Principal, event: Event): Promise<CalendarFeedView> {
    await this.revokeFeed(principal, event);
    const token = randomBytes(32).toString('base64url');
    const feed = await this.agendas.insertFeed(principal.userId, event.id, hashToken(token));
    return {
      active: true,
      createdAt: feed.createdAt.toISOString(),
      url: `${this.config.publicUrl.replace(/\/$/, '')}/api/agenda-feeds/${token}.ics`,
    };
  }

  async revokeFeed(principal: Principal, event: Event): Promise<void> {
    await this.agendas.revokeFeeds(principal.userId, event.id, new Date());
  }

  /** The agenda as iCalendar, for whoever holds the secret address. */
  async feedCalendar(token: string): Promise<string> {
    const feed = await this.agendas.feedByTokenHash(hashToken(token));
    const event = feed && (await this.programme.eventById(feed.eventId));
    if (!feed || !event)
      throw PlenumError.notFound('This calendar address is unknown or was revoked');
    const items = await this.agendas.itemsOf(feed.userId, event.id);
    const data = await this.reader.load(
      event,
      items.map((i) => i.sessionId),
    );
    return this.calendar.render(data, `${event.title} – Mein Programm`);
  }
}
