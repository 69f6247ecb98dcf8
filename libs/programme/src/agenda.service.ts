import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull } from 'typeorm';
import type { Repository } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { Agenda, CalendarFeedView } from '@plenum/contracts';
import { AgendaItem, CalendarFeed, Event, Session } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { ProgrammeReader, sessionViews } from './programme-reader.service';
import { CalendarService } from './calendar.service';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A person's own agenda ("Mein Programm") and its secret calendar feed. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectRepository(AgendaItem) private readonly items: Repository<AgendaItem>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(CalendarFeed) private readonly feeds: Repository<CalendarFeed>,
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
    private readonly reader: ProgrammeReader,
    private readonly calendar: CalendarService,
  ) {}

  async agenda(userId: string, event: Event): Promise<Agenda> {
    const items = await this.items.find({ where: { userId, eventId: event.id } });
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

  /** Adding twice is the same as adding once. */
  async add(principal: Principal, event: Event, sessionId: string): Promise<Agenda> {
    if (!(await this.sessions.existsBy({ id: sessionId, eventId: event.id }))) {
      throw PlenumError.notFound('Session not found');
    }
    await this.items
      .createQueryBuilder()
      .insert()
      .values({ userId: principal.userId, sessionId, eventId: event.id })
      .orIgnore()
      .execute();
    return this.agenda(principal.userId, event);
  }

  async remove(principal: Principal, event: Event, sessionId: string): Promise<Agenda> {
    await this.items.delete({ userId: principal.userId, sessionId, eventId: event.id });
    return this.agenda(principal.userId, event);
  }

  async feedStatus(principal: Principal, event: Event): Promise<CalendarFeedView> {
    const feed = await this.feeds.findOne({
      where: { userId: principal.userId, eventId: event.id, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /**
   * A new secret feed address; any earlier one stops working. The address is shown once: only
   * its hash is kept, so a leaked database does not leak anyone's agenda.
   */
  async createFeed(principal: Principal, event: Event): Promise<CalendarFeedView> {
    await this.revokeFeed(principal, event);
    const token = randomBytes(32).toString('base64url');
    const feed = await this.feeds.save({
      userId: principal.userId,
      eventId: event.id,
      tokenHash: hashToken(token),
      revokedAt: null,
    });
    return {
      active: true,
      createdAt: feed.createdAt.toISOString(),
      url: `${this.config.publicUrl.replace(/\/$/, '')}/api/agenda-feeds/${token}.ics`,
    };
  }

  async revokeFeed(principal: Principal, event: Event): Promise<void> {
    await this.feeds.update(
      { userId: principal.userId, eventId: event.id, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** The agenda as iCalendar, for whoever holds the secret address. */
  async feedCalendar(token: string): Promise<string> {
    const feed = await this.feeds.findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
    if (!feed) throw PlenumError.notFound('This calendar address is unknown or was revoked');
    const event = await this.events.findOneByOrFail({ id: feed.eventId });
    const items = await this.items.find({ where: { userId: feed.userId, eventId: event.id } });
    const data = await this.reader.load(
      event,
      items.map((i) => i.sessionId),
    );
    return this.calendar.render(data, `${event.title} – Mein Programm`);
  }
}
