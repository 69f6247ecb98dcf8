export * from './entities';
export * from './data-source-options';
export * from './database-watch';
export * from './migrate';
export * from './db.module';
export * from './naming-strategy';
