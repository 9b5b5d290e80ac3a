import { StudioAuthor, StudioComment, StudioCourse, StudioReviewer } from '../modules/studio/entities/studio-course.entity';
import { StudioLesson, StudioMedia, StudioQuestion, StudioQuiz } from '../modules/studio/entities/studio-content.entity';
import { StudioSuggestion } from '../modules/studio/entities/studio-suggestion.entity';
import { Ambassador } from '../modules/ambassadors/entities/ambassador.entity';
import { Mentorship } from '../modules/ambassadors/entities/mentorship.entity';
import { AssessmentAttempt } from '../modules/assessment/entities/assessment-attempt.entity';
import { CertificationPolicy } from '../modules/assessment/entities/certification-policy.entity';
import { AssistantIndexState } from '../modules/assistant/entities/assistant-index-state.entity';
import { AssistantMessage } from '../modules/assistant/entities/assistant-message.entity';
import { AssistantPassage } from '../modules/assistant/entities/assistant-passage.entity';
import { AssistantPassageEmbedding } from '../modules/assistant/entities/assistant-passage-embedding.entity';
import { AssistantSettings } from '../modules/assistant/entities/assistant-settings.entity';
import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import { PasswordResetCode } from '../modules/auth/entities/password-reset-code.entity';
import { Session } from '../modules/auth/entities/session.entity';
import { CertificateFile } from '../modules/certification/entities/certificate-file.entity';
import { CompletionRecord } from '../modules/certification/entities/completion-record.entity';
import { Competency } from '../modules/content/entities/competency.entity';
import { ContentImport } from '../modules/content/entities/content-import.entity';
import { Course } from '../modules/content/entities/course.entity';
import { FrameworkVersion } from '../modules/content/entities/framework-version.entity';
import { Lesson } from '../modules/content/entities/lesson.entity';
import { Question } from '../modules/content/entities/question.entity';
import { Quiz } from '../modules/content/entities/quiz.entity';
import { AssistedSession } from '../modules/community/entities/assisted-session.entity';
import { HouseholdVisit } from '../modules/community/entities/household-visit.entity';
import { ResidentRegistration } from '../modules/community/entities/resident-registration.entity';
import { SignInCard } from '../modules/community/entities/sign-in-card.entity';
import { TeamMember } from '../modules/community/entities/team-member.entity';
import { Household } from '../modules/households/entities/household.entity';
import { HouseholdInvitation } from '../modules/households/entities/household-invitation.entity';
import { HouseholdMember } from '../modules/households/entities/household-member.entity';
import { HouseholdRule } from '../modules/households/entities/household-rule.entity';
import { IdentityLink } from '../modules/identity/entities/identity-link.entity';
import { IdentityLogin } from '../modules/identity/entities/identity-login.entity';
import { Enrolment } from '../modules/learning/entities/enrolment.entity';
import { LearningEvent } from '../modules/learning/entities/learning-event.entity';
import { LessonAudio } from '../modules/learning/entities/lesson-audio.entity';
import { LessonCompletion } from '../modules/learning/entities/lesson-completion.entity';
import { QuizAttempt } from '../modules/learning/entities/quiz-attempt.entity';
import { Notification } from '../modules/notifications/entities/notification.entity';
import { NotificationSetting } from '../modules/notifications/entities/notification-setting.entity';
import { Organisation } from '../modules/organisations/entities/organisation.entity';
import { DataExport } from '../modules/profile/entities/data-export.entity';
import { ClassCourse, ClassMember, LearningClass } from '../modules/classes/entities/learning-class.entity';
import { PeriodicReport } from '../modules/reporting/entities/periodic-report.entity';
import { ReportingExport } from '../modules/reporting/entities/reporting-export.entity';
import { ReportingRecount } from '../modules/reporting/entities/reporting-recount.entity';
import { ReportingTarget } from '../modules/reporting/entities/reporting-target.entity';
import {
  ReportingActiveLearner,
  ReportingActiveMonthly,
  ReportingActiveProvinceMonthly,
  ReportingLearningMonthly,
  ReportingLearningProvinceMonthly,
  ReportingPeople,
  ReportingRecordsMonthly,
  ReportingScoresMonthly,
} from '../modules/reporting/entities/rollup-tables.entity';
import { AdminUnit } from '../modules/units/entities/admin-unit.entity';
import { User } from '../modules/users/entities/user.entity';

export const ENTITIES = [
  AdminUnit,
  Organisation,
  User,
  Session,
  PasswordResetCode,
  AuditEvent,
  DataExport,
  FrameworkVersion,
  Competency,
  Course,
  Lesson,
  Question,
  Quiz,
  ContentImport,
  Enrolment,
  LessonCompletion,
  LessonAudio,
  QuizAttempt,
  LearningEvent,
  CertificationPolicy,
  AssessmentAttempt,
  CompletionRecord,
  CertificateFile,
  LearningClass,
  ClassCourse,
  ClassMember,
  ReportingPeople,
  ReportingLearningMonthly,
  ReportingLearningProvinceMonthly,
  ReportingActiveLearner,
  ReportingActiveMonthly,
  ReportingActiveProvinceMonthly,
  ReportingRecordsMonthly,
  ReportingScoresMonthly,
  ReportingTarget,
  ReportingRecount,
  PeriodicReport,
  ReportingExport,
  IdentityLink,
  IdentityLogin,
  TeamMember,
  ResidentRegistration,
  SignInCard,
  AssistedSession,
  HouseholdVisit,
  Notification,
  NotificationSetting,
  Ambassador,
  Mentorship,
  Household,
  HouseholdMember,
  HouseholdInvitation,
  HouseholdRule,
  AssistantPassage,
  AssistantPassageEmbedding,
  AssistantIndexState,
  AssistantMessage,
  AssistantSettings,
  StudioCourse,
  StudioAuthor,
  StudioComment,
  StudioReviewer,
  StudioLesson,
  StudioQuestion,
  StudioQuiz,
  StudioMedia,
  StudioSuggestion,
];
