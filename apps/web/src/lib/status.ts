import type { KpiStatusValue } from '@lis/contracts';

/** The word for each traffic light, so a status reads without colour. */
export const STATUS_WORDS: Readonly<Record<KpiStatusValue, string>> = {
  green: 'grøn',
  yellow: 'gul',
  red: 'rød',
  no_data: 'ingen data',
  suppressed: 'diskretioneret',
  no_target: 'intet mål',
};

/** What the light means, for the tooltip and screen readers. */
export const STATUS_MEANINGS: Readonly<Record<KpiStatusValue, string>> = {
  green: 'målet er nået',
  yellow: 'tæt på målet, inden for tolerancen',
  red: 'målet er ikke nået',
  no_data: 'der er ikke leveret data for perioden',
  suppressed: 'tallet vises ikke, fordi enheden er for lille',
  no_target: 'der er ikke sat et mål',
};

/** Fill colours for charts; text on screen uses the darker shades in styles.css. */
export const STATUS_COLORS: Readonly<Record<KpiStatusValue, string>> = {
  green: '#2e7d32',
  yellow: '#e0a800',
  red: '#c62828',
  no_data: '#9e9e9e',
  suppressed: '#9e9e9e',
  no_target: '#5b7083',
};
