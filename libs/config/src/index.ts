export * from './config';
export * from './config.module';
export * from './service-check';
