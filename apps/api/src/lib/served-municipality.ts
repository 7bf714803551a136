import { municipalityName } from '@lis/domain';

/** A served municipality as the API names it; the configuration has checked that the code is DST's. */
export const servedMunicipality = (code: string) => ({ code, name: municipalityName(code) });
