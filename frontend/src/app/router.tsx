import { lazy } from 'react';
import { type RouteObject, useRoutes } from 'react-router-dom';
import { Layout } from './layout';
import { RouteErrorBoundary } from './route-error-boundary';

/** Each page is its own chunk: a learner's phone downloads only what it shows. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => {
  const Component = lazy(load);
  return <Component />;
};

/** Declarative routes: the data router's code (loaders, actions, fetchers) is 17 KB gzip nobody uses here. */
const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        // The pages, shown inside the layout.
        children: [
          { path: '/', element: page(() => import('./routes/home')) },
          { path: '/khoa-hoc', element: page(() => import('./routes/catalogue')) },
          { path: '/khoa-hoc/:slug', element: page(() => import('./routes/catalogue')) },
          { path: '/khoa-hoc/:slug/bai/:lesson', element: page(() => import('./routes/lesson')) },
          { path: '/khoa-hoc/:slug/kiem-tra/:quiz', element: page(() => import('./routes/quiz')) },
          { path: '/bai-kiem-tra/:id', element: page(() => import('./routes/attempt')) },
          { path: '/hoc-tap', element: page(() => import('./routes/my-learning')) },
          { path: '/tu-danh-gia', element: page(() => import('./routes/self-assessment')) },
          { path: '/tu-danh-gia/:id', element: page(() => import('./routes/self-assessment-attempt')) },
          { path: '/chung-nhan', element: page(() => import('./routes/records')) },
          { path: '/verify', element: page(() => import('./routes/verify')) },
          { path: '/verify/:code', element: page(() => import('./routes/verify')) },
          { path: '/dang-ky', element: page(() => import('./routes/register')) },
          { path: '/dang-nhap', element: page(() => import('./routes/login')) },
          { path: '/quen-mat-khau', element: page(() => import('./routes/reset-password')) },
          { path: '/ho-so', element: page(() => import('./routes/profile')) },
          { path: '/quan-tri/nguoi-dung', element: page(() => import('./routes/admin-users')) },
          { path: '/quan-tri/nguoi-dung/:id', element: page(() => import('./routes/admin-users')) },
          { path: '/quan-tri/ho-so-xac-nhan', element: page(() => import('./routes/admin-records')) },
          { path: '/quan-tri/chinh-sach-xac-nhan', element: page(() => import('./routes/admin-policies')) },
          { path: '/quan-tri/bao-cao', element: page(() => import('./routes/admin-reporting')) },
          { path: '/quan-tri/chi-tieu', element: page(() => import('./routes/admin-targets')) },
          { path: '/lop-hoc', element: page(() => import('./routes/classes')) },
          { path: '/lop-hoc/:id', element: page(() => import('./routes/classes')) },
          { path: '/soan-bai', element: page(() => import('./routes/studio-home')) },
          { path: '/soan-bai/:id', element: page(() => import('./routes/studio-course')) },
          { path: '/soan-bai/:id/bai/:lesson', element: page(() => import('./routes/studio-lesson')) },
          { path: '/soan-bai/:id/xem-thu/:kind/:item', element: page(() => import('./routes/studio-preview')) },
          { path: '/soan-bai/:id/:section', element: page(() => import('./routes/studio-course')) },
          { path: '/soan-bai/:id/:section/:item', element: page(() => import('./routes/studio-course')) },
          { path: '/tham-gia-lop', element: page(() => import('./routes/join-class')) },
          { path: '/quan-tri/bao-cao-dinh-ky', element: page(() => import('./routes/admin-periodic')) },
          { path: '/dang-ky/dinh-danh', element: page(() => import('./routes/register-identity')) },
          { path: '/quen-mat-khau/dinh-danh', element: page(() => import('./routes/reset-password-identity')) },
          { path: '/to-cong-nghe-so', element: page(() => import('./routes/community-team')) },
          { path: '/the/:code', element: page(() => import('./routes/card-sign-in')) },
          { path: '/quan-tri/tro-ly', element: page(() => import('./routes/admin-assistant')) },
          { path: '/tro-ly/lich-su', element: page(() => import('./routes/assistant-history')) },
          { path: '/dai-su-so', element: page(() => import('./routes/ambassadors')) },
          { path: '/gia-dinh-so', element: page(() => import('./routes/households')) },
          { path: '/thong-bao', element: page(() => import('./routes/notifications')) },
          { path: '/quan-tri/gia-dinh-so', element: page(() => import('./routes/admin-household-rules')) },
          { path: '*', element: page(() => import('./routes/not-found')) },
        ],
      },
    ],
  },
];

/** The page for the address; a layout that fails still shows the Vietnamese error page (a page's own error shows inside the layout). */
export function AppRoutes() {
  return <RouteErrorBoundary>{useRoutes(routes)}</RouteErrorBoundary>;
}
