export * from './backstage.service';
export * from './polls.service';
export * from './qa-rooms';
export * from './qa-vote-batch.service';
export * from './qa-votes.service';
export * from './qa.controller';
export * from './qa.module';
export * from './qa.service';
