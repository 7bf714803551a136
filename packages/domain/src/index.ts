export * from './kpis.ts';
export * from './municipalities.gen.ts';
export * from './parse.ts';
