import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthSession, Event, Invitation, SignInLink, User, dataSourceOptions } from '@plenum/db';
import { IdentityMaintenance, IdentityMaintenanceRepository } from '@plenum/identity';
import { createSuiteDatabase, databaseUrl, dropDatabase } from '../support/databases';

/** The worker's hourly housekeeping of sign-ins and invitations, against a real database. */
describe('IdentityMaintenance.purgeEnded', () => {
  let name: string;
  let db: DataSource;
  let maintenance: IdentityMaintenance;

  beforeAll(async () => {
    name = await createSuiteDatabase();
    db = new DataSource(dataSourceOptions(databaseUrl(name)));
    await db.initialize();
    maintenance = new IdentityMaintenance(new IdentityMaintenanceRepository(db));
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(name);
  });

  const hash = () => randomBytes(32).toString('hex');
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

  it('removes sign-ins and e-mail links a day after they ended and invitations a month after they ran out', async () => {
    const user = await db
      .getRepository(User)
      .save({ email: 'ada@plenum.test', displayName: 'Ada', passwordHash: null });
    const event = await db.getRepository(Event).save({
      slug: 'purge',
      title: 'Purge',
      timeZone: 'Europe/Berlin',
      startsOn: '2026-05-04',
      endsOn: '2026-05-05',
    });
    const signIn = (expiresAt: Date, revokedAt: Date | null = null) => ({
      userId: user.id,
      tokenHash: hash(),
      expiresAt,
      revokedAt,
    });
    const sessions = await db.getRepository(AuthSession).save([
      signIn(hoursAgo(25)), // expired more than a day ago: goes
      signIn(hoursAgo(23)), // expired less than a day ago: stays
      signIn(hoursAgo(-24), hoursAgo(25)), // revoked more than a day ago: goes
      signIn(hoursAgo(-24), hoursAgo(1)), // revoked an hour ago: stays
      signIn(hoursAgo(-24)), // live: stays
    ]);
    const invitation = (expiresAt: Date) => ({
      eventId: event.id,
      userId: user.id,
      email: 'ada@plenum.test',
      role: 'moderator' as const,
      tokenHash: hash(),
      expiresAt,
    });
    const invitations = await db
      .getRepository(Invitation)
      .save([invitation(hoursAgo(31 * 24)), invitation(hoursAgo(29 * 24))]);

    const link = (expiresAt: Date) => ({
      id: randomUUID(),
      userId: user.id,
      purpose: 'sign-in' as const,
      tokenHash: hash(),
      expiresAt,
      usedAt: null,
    });
    const links = await db
      .getRepository(SignInLink)
      .save([link(hoursAgo(25)), link(hoursAgo(23)), link(hoursAgo(-1))]);

    expect(await maintenance.purgeEnded()).toEqual({ sessions: 2, invitations: 1, emailLinks: 1 });

    const leftSessions = await db.getRepository(AuthSession).find({ select: { id: true } });
    expect(leftSessions.map((s) => s.id).sort()).toEqual(
      [sessions[1]!.id, sessions[3]!.id, sessions[4]!.id].sort(),
    );
    const leftInvitations = await db.getRepository(Invitation).find({ select: { id: true } });
    expect(leftInvitations.map((i) => i.id)).toEqual([invitations[1]!.id]);
    const leftLinks = await db.getRepository(SignInLink).find({ select: { id: true } });
    expect(leftLinks.map((l) => l.id).sort()).toEqual([links[1]!.id, links[2]!.id].sort());
    expect(await maintenance.purgeEnded()).toEqual({ sessions: 0, invitations: 0, emailLinks: 0 });
  });
});
