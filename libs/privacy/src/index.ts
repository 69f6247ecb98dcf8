export * from './person-references';
export * from './personal-data.repository';
export * from './privacy.module';
export * from './privacy.repository';
export * from './retention.service';
