import { Injectable } from '@nestjs/common';
import type {
  LeadField,
  LeadView,
  MyShareView,
  ShareContactRequest,
  UpdateLeadRequest,
} from '@plenum/contracts';
import type { Booth, Event, Lead } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import { LeadsRepository } from './leads.repository';

/**
 * Leads exist only through the attendee's own action: the share copies exactly the fields they
 * ticked, and withdrawing clears them. Staff never read users, only these rows. The access
 * guard resolves the booth: attendees share with any booth of the event, staff
 * (`booth.manage`) read their booth's leads.
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly audit: AuditService,
  ) {}

  async share(attendee: Principal, booth: Booth, input: ShareContactRequest): Promise<MyShareView> {
    const user = await this.leads.contactOf(attendee.userId);
    const fields = Array.from(new Set(input.fields)).sort();
    const has = (f: LeadField) => fields.includes(f);
    const lead = await this.leads.share(booth.id, attendee.userId, {
      sharedFields: fields,
      name: has('name') ? user.displayName : null,
      email: has('email') ? user.email : null,
      organisation: has('organisation') ? (input.organisation ?? '') || null : null,
      message: has('message') ? (input.message ?? '') || null : null,
      consentedAt: new Date(),
    });
    await this.audit.record({
      eventId: booth.eventId,
      actorId: attendee.userId,
      action: 'lead.shared',
      targetType: 'booth',
      targetId: booth.id,
      details: { fields },
    });
    return myShare(lead, booth);
  }

  async withdraw(attendee: Principal, booth: Booth): Promise<MyShareView> {
    const lead = await this.leads.ofAttendee(booth.id, attendee.userId);
    if (!lead) throw PlenumError.notFound('You have not shared your contact with this booth');
    if (lead.withdrawnAt) return myShare(lead, booth);
    const withdrawn = await this.leads.withdraw(lead.id);
    await this.audit.record({
      eventId: booth.eventId,
      actorId: attendee.userId,
      action: 'lead.withdrawn',
      targetType: 'booth',
      targetId: booth.id,
    });
    return myShare(withdrawn, booth);
  }

  async mine(attendee: Principal, event: Event): Promise<MyShareView[]> {
    const rows = await this.leads.sharesOf(attendee.userId, event.id);
    return rows.map((l) => myShare(l, l.booth));
  }

  async list(booth: Booth): Promise<LeadView[]> {
    return (await this.leads.activeOf(booth.id)).map(leadView);
  }

  async update(booth: Booth, leadId: string, input: UpdateLeadRequest): Promise<LeadView> {
    const lead = await this.leads.activeAt(booth.id, leadId);
    if (!lead) throw PlenumError.notFound('Lead not found');
    return leadView(await this.leads.annotate(lead.id, input));
  }

  async csv(staff: Principal, booth: Booth): Promise<string> {
    const rows = await this.leads.forExport(booth.id);
    await this.audit.record({
      eventId: booth.eventId,
      actorId: staff.userId,
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
