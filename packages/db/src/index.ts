export * from './lock.ts';
export * from './migrate.ts';
export * from './reader.ts';
export * from './schema.ts';
export * from './store.ts';
