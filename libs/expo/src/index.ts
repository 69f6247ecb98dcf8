export * from './booth-markdown';
export * from './booths.service';
export * from './expo.module';
export * from './leads.service';
