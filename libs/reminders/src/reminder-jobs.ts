/**
 * BullMQ custom job ids may not contain ':' (it separates the parts of its Redis keys), so the
 * parts are joined with '_' and the start time is in epoch milliseconds.
 */
export function reminderJobId(sessionId: string, offsetMinutes: number, startsAt: Date): string {
  return `reminder_${sessionId}_${offsetMinutes}_${startsAt.getTime()}`;
}

/** What makes a delivery unique next to the person and the channel. */
export const deliverySubjects = {
  reminder: (sessionId: string, offsetMinutes: number, startsAt: Date) =>
    `reminder.${sessionId}.${offsetMinutes}.${startsAt.getTime()}`,
  moved: (sessionId: string, sequence: number) => `moved.${sessionId}.${sequence}`,
  cancelled: (sessionId: string, sequence: number) => `cancelled.${sessionId}.${sequence}`,
  announcement: (announcementId: string) => `announcement.${announcementId}`,
  /** Once per person, workshop and kind: registering again after cancelling sends no second. */
  workshop: (notice: WorkshopNoticeKind, sessionId: string) => `${notice}.${sessionId}`,
};

export type WorkshopNoticeKind = 'workshop-seat-confirmed' | 'workshop-promoted';

export function workshopNoticeJobId(
  notice: WorkshopNoticeKind,
  sessionId: string,
  userId: string,
): string {
  return `${notice}_${sessionId}_${userId}`;
}

export function deliveryJobId(deliveryId: string): string {
  return `delivery_${deliveryId}`;
}

/** Retries with exponential backoff: 2 s, 4 s, 8 s, 16 s, then the delivery counts as failed. */
export const DELIVERY_ATTEMPTS = 5;
export const deliveryJobOptions = {
  attempts: DELIVERY_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 5_000 },
} as const;
