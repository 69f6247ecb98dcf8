export * from './common';
export * from './errors';
export * from './auth';
export * from './events';
export * from './programme';
export * from './health';
export * from './jobs';
export * from './realtime';
