export * from './person-references';
export * from './privacy.module';
export * from './privacy.repository';
export * from './retention.service';
