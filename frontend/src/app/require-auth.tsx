import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { OfflineNotice } from '../components/connection/offline-notice';
import { Spinner } from '../components/ui/feedback';
import { meQuery } from '../features/auth/api';
import type { Me } from '../lib/api-client';

/** Sends signed-out visitors to the login page and back here afterwards. */
export function RequireAuth({ role, children }: { role?: Me['role']; children: (me: Me) => ReactNode }) {
  const me = useQuery(meQuery());
  const location = useLocation();
  if (me.isPending) return <Spinner />;
  // Who is signed in could not be asked (offline, not stored yet): say so rather than send them to sign in.
  if (me.isError) return <OfflineNotice onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/dang-nhap?tiep=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (role && me.data.role !== role) return <Navigate to="/" replace />;
  return <>{children(me.data)}</>;
}
