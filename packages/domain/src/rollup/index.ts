export * from './benchmark-potential.ts';
export * from './budget.ts';
export * from './cases.ts';
export * from './demography-pressure.ts';
export * from './plan-and-survey.ts';
export * from './sick-leave.ts';
export * from './survey-suppression.ts';
export * from './types.ts';
