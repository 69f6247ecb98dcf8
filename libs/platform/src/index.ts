export * from './plenum-error';
export * from './http-exception.filter';
export * from './zod-fields';
export * from './redis.module';
export * from './audit.service';
export * from './logging';
export * from './platform.module';
export * from './bull-connection';
