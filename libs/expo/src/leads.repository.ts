import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import type { UpdateLeadRequest } from '@plenum/contracts';
import { Lead, User } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What an attendee's share copies: the ticked fields and their values at that moment. */
export type LeadShare = Pick<
  Lead,
  'sharedFields' | 'name' | 'email' | 'organisation' | 'message' | 'consentedAt'
>;

/** A lead with the booth it was shared with (the attendee's own list). */
export type LeadWithBooth = Lead & { booth: NonNullable<Lead['booth']> };

/**
 * Leads exist only through the attendee's own action; staff read these rows, never users.
 * Withdrawn leads stay as a record of the withdrawal, with their values cleared.
 */
@Injectable()
export class LeadsRepository {
  constructor(private readonly db: DataSource) {}

  /** The name and address the attendee may choose to share: their own. */
  @GenerateSql({ params: [SQL_UUID] })
  contactOf(userId: string): Promise<Pick<User, 'displayName' | 'email'>> {
    return this.db
      .getRepository(User)
      .findOneOrFail({ select: { displayName: true, email: true }, where: { id: userId } });
  }

  /** Sharing again replaces the previous share, withdrawn or not. */
  @GenerateSql({
    params: [
      SQL_UUID,
      SQL_UUID,
      {
        sharedFields: ['email', 'name'],
        name: 'Alex',
        email: 'alex@example.org',
        organisation: null,
        message: null,
        consentedAt: new Date('2026-03-10T10:00:00Z'),
      },
    ],
  })
  async share(boothId: string, userId: string, share: LeadShare): Promise<Lead> {
    const leads = this.db.getRepository(Lead);
    await leads
      .createQueryBuilder()
      .insert()
      .values({ boothId, userId, ...share, withdrawnAt: null })
      .orUpdate(
        [
          'shared_fields',
          'name',
          'email',
          'organisation',
          'message',
          'consented_at',
          'withdrawn_at',
        ],
        ['booth_id', 'user_id'],
      )
      .execute();
    return leads.findOneByOrFail({ boothId, userId });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  ofAttendee(boothId: string, userId: string): Promise<Lead | null> {
    return this.db.getRepository(Lead).findOneBy({ boothId, userId });
  }

  /** Clears what was shared and what staff noted about it. */
  @GenerateSql({ params: [SQL_UUID] })
  async withdraw(id: string): Promise<Lead> {
    const leads = this.db.getRepository(Lead);
    await leads.update(id, {
      withdrawnAt: new Date(),
      name: null,
      email: null,
      organisation: null,
      message: null,
      note: '',
      rating: null,
    });
    return leads.findOneByOrFail({ id });
  }

  /** The attendee's shares within the event, newest first. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async sharesOf(userId: string, eventId: string): Promise<LeadWithBooth[]> {
    const rows = await this.db
      .getRepository(Lead)
      .createQueryBuilder('lead')
      .innerJoinAndSelect('lead.booth', 'booth')
      .where('lead.user_id = :userId', { userId })
      .andWhere('booth.event_id = :eventId', { eventId })
      .orderBy('lead.consented_at', 'DESC')
      .getMany();
    return rows.filter((l): l is LeadWithBooth => l.booth !== undefined);
  }

  /** What the booth's staff see, newest first; withdrawn leads never reach them. */
  @GenerateSql({ params: [SQL_UUID] })
  activeOf(boothId: string): Promise<Lead[]> {
    return this.db.getRepository(Lead).find({
      where: { boothId, withdrawnAt: IsNull() },
      order: { consentedAt: 'DESC' },
    });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  activeAt(boothId: string, id: string): Promise<Lead | null> {
    return this.db.getRepository(Lead).findOneBy({ id, boothId, withdrawnAt: IsNull() });
  }

  /** The staff's note and rating. */
  @GenerateSql({ params: [SQL_UUID, { note: 'Rückruf', rating: 4 }] })
  async annotate(id: string, changes: UpdateLeadRequest): Promise<Lead> {
    const leads = this.db.getRepository(Lead);
    await leads.update(id, changes);
    return leads.findOneByOrFail({ id });
  }

  /** The CSV's rows, oldest first. */
  @GenerateSql({ params: [SQL_UUID] })
  forExport(boothId: string): Promise<Lead[]> {
    return this.db.getRepository(Lead).find({
      where: { boothId, withdrawnAt: IsNull(), consentedAt: Not(IsNull()) },
      order: { consentedAt: 'ASC' },
    });
  }
}
