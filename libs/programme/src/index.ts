export * from './programme.module';
export * from './programme.service';
export * from './programme-cache.service';
export * from './programme-fast-path';
export * from './sessions.service';
