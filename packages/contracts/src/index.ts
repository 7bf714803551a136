export * from './feeds.ts';
