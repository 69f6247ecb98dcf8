import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  EventImpression,
  Poll,
  PollVote,
  Question,
  QuestionVote,
  Recording,
  SessionSlide,
} from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

const SQL_QUESTION = {
  eventId: SQL_UUID,
  sessionId: SQL_UUID,
  body: 'Wann?',
  state: 'pending' as const,
};

/** The demo congress's Q&A, polls, replays, slides and photos, in the seed's transaction. */
@Injectable()
export class DemoMediaRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The new question, with its id. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_QUESTION] })
  insertQuestion(manager: EntityManager, question: Partial<Question>): Promise<Question> {
    return manager.getRepository(Question).save(question);
  }

  @GenerateSql({ params: [SQL_MANAGER, [SQL_QUESTION]] })
  async insertQuestions(
    manager: EntityManager,
    questions: Array<Partial<Question>>,
  ): Promise<void> {
    await manager.getRepository(Question).insert(questions);
  }

  @GenerateSql({ params: [SQL_MANAGER, [{ questionId: SQL_UUID, userId: SQL_UUID }]] })
  async insertQuestionVotes(
    manager: EntityManager,
    votes: Array<Partial<QuestionVote>>,
  ): Promise<void> {
    await manager.getRepository(QuestionVote).insert(votes);
  }

  /** The new poll, with its id. */
  @GenerateSql({
    params: [
      SQL_MANAGER,
      { eventId: SQL_UUID, sessionId: SQL_UUID, question: 'Wie?', kind: 'single', options: ['a'] },
    ],
  })
  insertPoll(manager: EntityManager, poll: Partial<Poll>): Promise<Poll> {
    return manager.getRepository(Poll).save(poll);
  }

  @GenerateSql({ params: [SQL_MANAGER, [{ pollId: SQL_UUID, userId: SQL_UUID, choices: [0] }]] })
  async insertPollVotes(manager: EntityManager, votes: Array<Partial<PollVote>>): Promise<void> {
    await manager.getRepository(PollVote).insert(votes);
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      [
        {
          eventId: SQL_UUID,
          sessionId: SQL_UUID,
          source: 'url',
          state: 'ready',
          media: 'file',
          url: 'https://media.plenum.example/x.mp4',
        },
      ],
    ],
  })
  async insertRecordings(
    manager: EntityManager,
    recordings: Array<Partial<Recording>>,
  ): Promise<void> {
    await manager.getRepository(Recording).insert(recordings);
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      [
        {
          eventId: SQL_UUID,
          sessionId: SQL_UUID,
          title: 'Folien',
          fileName: 'x.pdf',
          storageKey: 'slides/x',
          sizeBytes: 1,
        },
      ],
    ],
  })
  async insertSlides(manager: EntityManager, slides: Array<Partial<SessionSlide>>): Promise<void> {
    await manager.getRepository(SessionSlide).insert(slides);
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      [
        {
          eventId: SQL_UUID,
          storageKey: 'impressions/x',
          contentType: 'image/png',
          sizeBytes: 1,
          altText: 'x',
          caption: 'x',
          position: 0,
        },
      ],
    ],
  })
  async insertImpressions(
    manager: EntityManager,
    impressions: Array<Partial<EventImpression>>,
  ): Promise<void> {
    await manager.getRepository(EventImpression).insert(impressions);
  }
}
