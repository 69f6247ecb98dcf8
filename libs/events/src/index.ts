export * from './events.module';
export * from './events.service';
export * from './events.repository';
