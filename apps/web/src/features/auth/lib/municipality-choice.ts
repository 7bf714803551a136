import type { AuthMethods } from '@lis/contracts';

type Served = AuthMethods['municipalities'][number];

/**
 * The municipality the sign-in page signs in to: none to choose where one is served (the server
 * takes its own), else the one this browser chose last while it is still served, else the
 * install's own (the server lists it first).
 */
export function chosenMunicipality(served: readonly Served[], remembered: string | null): Served | undefined {
  if (served.length < 2) return undefined;
  return served.find((m) => m.code === remembered) ?? served[0];
}
