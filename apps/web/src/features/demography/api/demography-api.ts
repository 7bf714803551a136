import type { Demography, DemographyPressure } from '@lis/contracts';
import { useQuery } from '@tanstack/react-query';
import { exportUrl, getJson } from '../../../lib/api-typed';
import { queryKeys } from '../../../lib/query-keys';

/** Population by band, actual and the forecast delivered last. */
export const useDemography = () =>
  useQuery({
    queryKey: queryKeys.demography,
    queryFn: ({ signal }): Promise<Demography> => getJson('/demography', {}, signal),
  });

/** The demographic pressure per area and year. */
export const useDemographyPressure = () =>
  useQuery({
    queryKey: queryKeys.demographyPressure,
    queryFn: ({ signal }): Promise<DemographyPressure> => getJson('/demography/pressure', {}, signal),
  });

/** The pressure with its inputs as an Excel file (or its first sheet as CSV), full kroner. */
export const pressureExportUrl = (format: 'csv' | 'xlsx'): string => exportUrl('/demography/pressure', {}, format);
