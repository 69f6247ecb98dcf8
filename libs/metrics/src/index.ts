export * from './bounded-label';
export * from './http-metrics';
export * from './metrics-plan';
export * from './metrics.module';
export * from './metrics.service';
