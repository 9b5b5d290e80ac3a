import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CourseCatalogue } from '../../features/catalogue/course-catalogue';
import { CourseDetail } from '../../features/catalogue/course-detail';
import { usePageTitle } from './use-page-title';

export default function CataloguePage() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const [courseTitle, setCourseTitle] = useState('');
  const title = slug ? courseTitle || t('app.loading') : t('catalogue.title');
  usePageTitle(title);
  return (
    <section>
      <h1 tabIndex={-1}>{title}</h1>
      {slug ? <CourseDetail slug={slug} onTitle={setCourseTitle} /> : <CourseCatalogue />}
    </section>
  );
}
