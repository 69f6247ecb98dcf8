export * from './workshop-registrations.service';
export * from './workshops.module';
export * from './workshops.service';
