export * from './budget.ts';
export * from './cases.ts';
export * from './plan-and-survey.ts';
export * from './sick-leave.ts';
export * from './types.ts';
