import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { LiveHandlers } from '@plenum/live';
import type { LiveConnection, LivePlace } from '@plenum/live';
import { BackstageService } from './backstage.service';
import { PollsService } from './polls.service';
import { qaRooms } from './qa-rooms';
import type { QaPlace } from './qa-rooms';
import { QaService } from './qa.service';

/** Q&A and polls happen in a stage session's room the socket joined (`room:join`). */
const session = { kind: 'session', field: 'sessionId' } as const;
const audience = { kind: 'joined', room: session, action: 'event.member' } as const;
const moderators = {
  kind: 'joined',
  room: session,
  action: 'session.moderate',
  denied: 'Only moderators of this session do this',
} as const;
const stage = { kind: 'backstage', field: 'stageId' } as const;

/**
 * Registers the Q&A, poll and backstage handlers into the live gateway's handler map, and the
 * stage backstage as a kind of place. Live knows nothing of Q&A: this lib registers into it.
 */
@Injectable()
export class QaHandlers implements OnModuleInit {
  constructor(
    private readonly handlers: LiveHandlers,
    private readonly qa: QaService,
    private readonly polls: PollsService,
    private readonly backstage: BackstageService,
  ) {}

  onModuleInit(): void {
    const { handlers, qa, polls } = this;
    handlers.placeKinds(['backstage'], {
      resolve: (stageId, userId) => this.backstage.place(stageId, userId),
      rights: (place) => ({ canModerate: place.can('session.moderate'), canReact: false }),
    });
    handlers.onPlaceChange((connection, before, after) =>
      this.followModerators(connection, before, after),
    );

    handlers.on('qa:state', { access: audience, rate: 'history' }, (input, c) =>
      qa.snapshot(qaPlace(c.place), c.user.userId),
    );
    handlers.on('qa:ask', { access: audience, rate: 'question' }, async (input, c) => ({
      question: await qa.ask(qaPlace(c.place), c.user, input.body, input.anonymous),
    }));
    handlers.on('qa:edit', { access: audience, rate: 'question' }, async (input, c) => ({
      question: await qa.edit(qaPlace(c.place), c.user.userId, input.questionId, input.body),
    }));
    handlers.on('qa:withdraw', { access: audience, rate: 'question' }, (input, c) =>
      qa.withdraw(qaPlace(c.place), c.user.userId, input.questionId),
    );
    handlers.on('qa:vote', { access: audience, rate: 'vote' }, (input, c) =>
      qa.vote(qaPlace(c.place), c.user.userId, input.questionId, input.voted),
    );
    handlers.on('qa:approve', { access: moderators, rate: 'moderation' }, async (input, c) => ({
      question: await qa.approve(qaPlace(c.place), c.user.userId, input.questionId),
    }));
    handlers.on('qa:dismiss', { access: moderators, rate: 'moderation' }, async (input, c) => ({
      question: await qa.dismiss(qaPlace(c.place), c.user.userId, input.questionId, input.reason),
    }));
    handlers.on('qa:answer', { access: moderators, rate: 'moderation' }, async (input, c) => ({
      question: await qa.answer(qaPlace(c.place), c.user.userId, input.questionId),
    }));
    handlers.on('qa:screen', { access: moderators, rate: 'moderation' }, (input, c) =>
      qa.screen(qaPlace(c.place), c.user.userId, input.questionId),
    );
    handlers.on('qa:open', { access: moderators, rate: 'moderation' }, (input, c) =>
      qa.setOpen(qaPlace(c.place), c.user.userId, input.open),
    );

    handlers.on('poll:list', { access: audience, rate: 'history' }, async (input, c) => {
      const list = await polls.list(qaPlace(c.place), c.user.userId);
      // Ballots cast from another tab still bring this socket the live results.
      for (const poll of list.polls) {
        if (poll.myChoices !== null) await c.connection.join(qaRooms.pollVoters(poll.id));
      }
      return list;
    });
    handlers.on('poll:create', { access: moderators, rate: 'moderation' }, async (input, c) => ({
      poll: await polls.create(qaPlace(c.place), c.user.userId, input),
    }));
    handlers.on('poll:open', { access: moderators, rate: 'moderation' }, async (input, c) => ({
      poll: await polls.open(qaPlace(c.place), c.user.userId, input.pollId),
    }));
    handlers.on('poll:close', { access: moderators, rate: 'moderation' }, async (input, c) => ({
      poll: await polls.close(qaPlace(c.place), c.user.userId, input.pollId),
    }));
    handlers.on('poll:vote', { access: audience, rate: 'vote' }, async (input, c) => {
      const poll = await polls.vote(qaPlace(c.place), c.user.userId, input.pollId, input.choices);
      // Every socket of the voter, on any instance, now hears the live results.
      c.connection.joinEverySocket(qaRooms.pollVoters(poll.id));
      return { poll };
    });

    handlers.on(
      'backstage:join',
      {
        access: {
          kind: 'resolve',
          room: stage,
          action: 'session.present',
          denied: 'Backstage is for speakers and moderators',
        },
        rate: 'join',
      },
      async (input, c) => {
        await c.enter();
        return { stageId: input.stageId, canMessage: c.place.can('session.moderate') };
      },
    );
    // Looked up on each message, joined or not: a moderator who lost the role stops here.
    handlers.on(
      'backstage:message',
      {
        access: {
          kind: 'resolve',
          room: stage,
          action: 'session.moderate',
          denied: 'Moderators send the message line',
        },
        rate: 'chat',
      },
      (input, c) => this.backstage.send(c.user, input.stageId, input.body),
    );
  }

  /** Moderators of a stage session also hear its Q&A queue and poll drafts, while they are. */
  private async followModerators(
    connection: LiveConnection,
    before: LivePlace | null,
    after: LivePlace | null,
  ): Promise<void> {
    const place = after ?? before;
    if (place?.kind !== 'session') return;
    const was = before?.can('session.moderate') ?? false;
    const is = after?.can('session.moderate') ?? false;
    if (is) await connection.join(qaRooms.moderators(place.id));
    else if (was || !after) await connection.leave(qaRooms.moderators(place.id));
  }
}

/** What the Q&A services need of a joined session room. */
function qaPlace(place: LivePlace): QaPlace {
  return {
    eventId: place.eventId,
    sessionId: place.id,
    canModerate: place.can('session.moderate'),
  };
}
