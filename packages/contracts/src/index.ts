export * from './api/auth.ts';
export * from './api/benchmark.ts';
export * from './api/budget.ts';
export * from './api/common.ts';
export * from './api/feeds.ts';
export * from './api/health.ts';
export * from './api/indicators.ts';
export * from './feeds.ts';
