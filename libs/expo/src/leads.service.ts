import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not } from 'typeorm';
import type { Repository } from 'typeorm';
import type {
  LeadField,
  LeadView,
  MyShareView,
  ShareContactRequest,
  UpdateLeadRequest,
} from '@plenum/contracts';
import { Booth, Lead, User } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import { BoothsService } from './booths.service';

/**
 * Leads exist only through the attendee's own action: the share copies exactly the fields they
 * ticked, and withdrawing clears them. Staff never read users, only these rows.
 */
@Injectable()
export class LeadsService {
  constructor(
    @InjectRepository(Lead) private readonly leads: Repository<Lead>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly boothsService: BoothsService,
    private readonly audit: AuditService,
  ) {}

  async share(
    principal: Principal,
    slug: string,
    ref: string,
    input: ShareContactRequest,
  ): Promise<MyShareView> {
    const { event } = await this.boothsService.access(principal, slug);
    const booth = await this.boothsService.find(event, ref);
    const user = await this.users.findOneByOrFail({ id: principal.userId });
    const fields = Array.from(new Set(input.fields)).sort();
    const has = (f: LeadField) => fields.includes(f);
    const values = {
      sharedFields: fields,
      name: has('name') ? user.displayName : null,
      email: has('email') ? user.email : null,
      organisation: has('organisation') ? (input.organisation ?? '') || null : null,
      message: has('message') ? (input.message ?? '') || null : null,
      consentedAt: new Date(),
      withdrawnAt: null,
    };
    await this.leads
      .createQueryBuilder()
      .insert()
      .values({ boothId: booth.id, userId: principal.userId, ...values })
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
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'lead.shared',
      targetType: 'booth',
      targetId: booth.id,
      details: { fields },
    });
    const lead = await this.leads.findOneByOrFail({ boothId: booth.id, userId: principal.userId });
    return myShare(lead, booth);
  }

  async withdraw(principal: Principal, slug: string, ref: string): Promise<MyShareView> {
    const { event } = await this.boothsService.access(principal, slug);
    const booth = await this.boothsService.find(event, ref);
    const lead = await this.leads.findOneBy({ boothId: booth.id, userId: principal.userId });
    if (!lead) throw PlenumError.notFound('You have not shared your contact with this booth');
    if (!lead.withdrawnAt) {
      await this.leads.update(lead.id, {
        withdrawnAt: new Date(),
        name: null,
        email: null,
        organisation: null,
        message: null,
        note: '',
        rating: null,
      });
      await this.audit.record({
        eventId: event.id,
        actorId: principal.userId,
        action: 'lead.withdrawn',
        targetType: 'booth',
        targetId: booth.id,
      });
    }
    return myShare(await this.leads.findOneByOrFail({ id: lead.id }), booth);
  }

  async mine(principal: Principal, slug: string): Promise<MyShareView[]> {
    const { event } = await this.boothsService.access(principal, slug);
    const rows = await this.leads
      .createQueryBuilder('lead')
      .innerJoinAndSelect('lead.booth', 'booth')
      .where('lead.user_id = :userId', { userId: principal.userId })
      .andWhere('booth.event_id = :eventId', { eventId: event.id })
      .orderBy('lead.consented_at', 'DESC')
      .getMany();
    return rows.map((l) => myShare(l, l.booth as Booth));
  }

  async list(principal: Principal, slug: string, ref: string): Promise<LeadView[]> {
    const booth = await this.boothsService.manageable(principal, slug, ref);
    const rows = await this.leads.find({
      where: { boothId: booth.id, withdrawnAt: IsNull() },
      order: { consentedAt: 'DESC' },
    });
    return rows.map(leadView);
  }

  async update(
    principal: Principal,
    slug: string,
    ref: string,
    leadId: string,
    input: UpdateLeadRequest,
  ): Promise<LeadView> {
    const booth = await this.boothsService.manageable(principal, slug, ref);
    const lead = await this.leads.findOneBy({
      id: leadId,
      boothId: booth.id,
      withdrawnAt: IsNull(),
    });
    if (!lead) throw PlenumError.notFound('Lead not found');
    await this.leads.update(lead.id, input);
    return leadView(await this.leads.findOneByOrFail({ id: lead.id }));
  }

  async csv(principal: Principal, slug: string, ref: string): Promise<string> {
    const booth = await this.boothsService.manageable(principal, slug, ref);
    const rows = await this.leads.find({
      where: { boothId: booth.id, withdrawnAt: IsNull(), consentedAt: Not(IsNull()) },
      order: { consentedAt: 'ASC' },
    });
    await this.audit.record({
      eventId: booth.eventId,
      actorId: principal.userId,
      action: 'lead.exported',
      targetType: 'booth',
      targetId: booth.id,
      details: { rows: rows.length },
    });
    const header = ['consented_at', 'name', 'email', 'organisation', 'message', 'rating', 'note'];
    const lines = rows.map((l) =>
      [
        l.consentedAt.toISOString(),
        l.name ?? '',
        l.email ?? '',
        l.organisation ?? '',
        l.message ?? '',
        l.rating === null ? '' : String(l.rating),
        l.note,
      ]
        .map(csvCell)
        .join(','),
    );
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }
}

/** Quotes a cell, and defuses leading =,+,-,@ so a spreadsheet never runs it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function leadView(l: Lead): LeadView {
  return {
    id: l.id,
    sharedFields: l.sharedFields as LeadField[],
    name: l.name,
    email: l.email,
    organisation: l.organisation,
    message: l.message,
    consentedAt: l.consentedAt.toISOString(),
    note: l.note,
    rating: l.rating,
  };
}

function myShare(l: Lead, booth: Booth): MyShareView {
  return {
    id: l.id,
    boothId: booth.id,
    boothSlug: booth.slug,
    organisation: booth.organisation,
    sharedFields: l.sharedFields as LeadField[],
    consentedAt: l.consentedAt.toISOString(),
    withdrawnAt: l.withdrawnAt?.toISOString() ?? null,
  };
}
