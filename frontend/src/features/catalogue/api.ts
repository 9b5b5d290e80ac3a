import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client';
import type { operations } from '../../lib/api-schema';

export type CourseFilters = NonNullable<operations['CatalogueController_list']['parameters']['query']>;

export const frameworkQuery = () =>
  queryOptions({ queryKey: ['framework'], queryFn: async () => unwrap(await api.GET('/api/framework')), staleTime: Infinity });

export const coursesQuery = (filters: CourseFilters) =>
  queryOptions({
    queryKey: ['courses', filters],
    queryFn: async () => unwrap(await api.GET('/api/courses', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

export const courseQuery = (slug: string) =>
  queryOptions({
    queryKey: ['courses', 'detail', slug],
    queryFn: async () => unwrap(await api.GET('/api/courses/{slug}', { params: { path: { slug } } })),
  });
