export * from './demo-content';
export * from './demo-seed';
