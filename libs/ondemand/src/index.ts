export * from './media-links';
export * from './ondemand.module';
export * from './recording-urls';
export * from './recordings.service';
