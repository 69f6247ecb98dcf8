export * from './booth-markdown';
export * from './booths.service';
export * from './expo.module';
export * from './file-storage.service';
export * from './leads.service';
