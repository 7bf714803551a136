import type { KpiStatusValue } from '@lis/contracts';

/** Fill colours for charts; text on screen uses the darker shades in styles.css. The words are STATUS_WORDS in @lis/domain. */
export const STATUS_COLORS: Readonly<Record<KpiStatusValue, string>> = {
  green: '#2e7d32',
  yellow: '#e0a800',
  red: '#c62828',
  no_data: '#9e9e9e',
  suppressed: '#9e9e9e',
  no_target: '#5b7083',
};
