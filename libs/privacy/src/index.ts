export * from './attendance-anonymiser';
export * from './person-references';
export * from './privacy.module';
export * from './retention.service';
