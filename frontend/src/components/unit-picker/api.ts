import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client';

export const provincesQuery = () =>
  queryOptions({ queryKey: ['units', 'provinces'], queryFn: async () => unwrap(await api.GET('/api/units/provinces')), staleTime: Infinity });

export const communesQuery = (provinceId: string) =>
  queryOptions({
    queryKey: ['units', 'communes', provinceId],
    queryFn: async () => unwrap(await api.GET('/api/units/provinces/{id}/communes', { params: { path: { id: provinceId } } })),
    enabled: provinceId !== '',
    staleTime: Infinity,
  });
