import type { EntityManager } from 'typeorm';
import type { QuestionState } from '@plenum/db';
import type { DemoMediaRepository } from './demo-media.repository';

interface DemoQuestion {
  body: string;
  state: QuestionState;
  anonymous?: boolean;
  onScreen?: boolean;
  votes: number;
}

/** Questions the demo audience asked in the panels; the live panel has one on screen. */
const demoQuestions: Record<string, DemoQuestion[]> = {
  'panel-gigabit': [
    {
      body: 'Bis wann sind auch die Dörfer im Schwarzwald mit Glasfaser versorgt?',
      state: 'approved',
      onScreen: true,
      votes: 64,
    },
    {
      body: 'Wie verhindern wir, dass beim Mobilfunkausbau zwei Netze nebeneinander gebaut werden?',
      state: 'approved',
      votes: 41,
    },
    {
      body: 'Was kostet ein Glasfaseranschluss die Kommunen im Durchschnitt?',
      state: 'approved',
      anonymous: true,
      votes: 23,
    },
    { body: 'Gibt es Förderung für Zweckverbände?', state: 'answered', votes: 17 },
    {
      body: 'Warum dauert die Genehmigung eines Funkmasts so lange?',
      state: 'pending',
      votes: 0,
    },
    {
      body: 'Kommt die Ministerin auch zu uns nach Biberach?',
      state: 'pending',
      anonymous: true,
      votes: 0,
    },
  ],
  'panel-verwaltung': [
    { body: 'Welche Leistungen sind schon vollständig online?', state: 'approved', votes: 12 },
    { body: 'Wie wird die BundID mit dem Service-BW-Konto verbunden?', state: 'pending', votes: 0 },
  ],
  'panel-abschluss': [
    { body: 'Was ist Ihr wichtigstes Vorhaben für das nächste Jahr?', state: 'pending', votes: 0 },
  ],
};

/**
 * Q&A and polls of the demo congress. Votes come from the demo attendees, and every count
 * equals its rows, as it does in a real session.
 */
export async function seedDemoQa(
  media: DemoMediaRepository,
  manager: EntityManager,
  eventId: string,
  sessionId: Map<string, string | undefined>,
  attendeeIds: string[],
  moderatorId: string,
): Promise<void> {
  let asker = 0;
  for (const [key, questions] of Object.entries(demoQuestions)) {
    const session = sessionId.get(key);
    if (!session) continue;
    for (const [i, q] of questions.entries()) {
      const authorId = attendeeIds[asker++ % attendeeIds.length] ?? null;
      const decided = q.state !== 'pending';
      const saved = await media.insertQuestion(manager, {
        eventId,
        sessionId: session,
        authorId,
        body: q.body,
        anonymous: q.anonymous ?? false,
        state: q.state,
        voteCount: q.votes,
        onScreen: q.onScreen ?? false,
        // Older questions first, a minute apart, so "newest" has an order to show.
        createdAt: new Date(Date.now() - (questions.length - i) * 60_000),
        decidedById: decided ? moderatorId : null,
        decidedAt: decided ? new Date() : null,
        answeredAt: q.state === 'answered' ? new Date() : null,
      });
      const voters = attendeeIds.slice(20 + i * 7, 20 + i * 7 + q.votes);
      if (voters.length > 0) {
        await media.insertQuestionVotes(
          manager,
          voters.map((userId) => ({ questionId: saved.id, userId })),
        );
      }
    }
  }

  const live = sessionId.get('panel-gigabit');
  if (live) {
    const poll = await media.insertPoll(manager, {
      eventId,
      sessionId: live,
      question: 'Wie schnell ist Ihr Internetanschluss zu Hause?',
      kind: 'single' as const,
      options: ['unter 50 Mbit/s', '50 bis 250 Mbit/s', 'über 250 Mbit/s', 'weiß ich nicht'],
      state: 'open' as const,
      createdById: moderatorId,
      openedAt: new Date(),
    });
    await media.insertPollVotes(
      manager,
      attendeeIds.slice(0, 120).map((userId, n) => ({
        pollId: poll.id,
        userId,
        choices: [[0, 1, 1, 2, 1, 3, 0, 2][n % 8] ?? 0],
      })),
    );
  }
  const prepared = sessionId.get('panel-verwaltung');
  if (prepared) {
    await media.insertPoll(manager, {
      eventId,
      sessionId: prepared,
      question: 'Welche Verwaltungsleistung nutzen Sie am häufigsten online?',
      kind: 'multiple' as const,
      options: ['Kfz-Zulassung', 'Wohnsitz ummelden', 'Bauantrag', 'Elterngeld'],
      state: 'draft' as const,
      createdById: moderatorId,
    });
  }
}
