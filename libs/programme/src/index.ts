export * from './programme.module';
export * from './programme.service';
