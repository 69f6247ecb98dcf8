export * from './notifications.service';
export * from './reminder-audience.service';
export * from './reminder-fan-out.service';
export * from './reminder-jobs';
export * from './reminder-scheduler.service';
export * from './reminders-core.module';
export * from './reminders.module';
export * from './unsubscribe-token';
