import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ClassList } from '../../features/classes/class-list';
import { ClassRoster } from '../../features/classes/class-roster';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../lib/staff-strings';

/** /lop-hoc (the list) and /lop-hoc/:id (one class), for teachers and administrators. */
export default function ClassesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  usePageTitle(t('classes.title'));
  return (
    <RequireAuth>
      {(me) =>
        me.role === 'learner' ? (
          <p>{t('classes.teachersOnly')}</p>
        ) : (
          <section>
            {id ? (
              <ClassRoster id={id} />
            ) : (
              <>
                <h1 tabIndex={-1}>{t('classes.title')}</h1>
                <ClassList canCreate />
              </>
            )}
          </section>
        )
      }
    </RequireAuth>
  );
}
