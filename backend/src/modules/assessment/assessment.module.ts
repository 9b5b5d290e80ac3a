import { Module } from '@nestjs/common';
import { AdminPoliciesController } from './admin-policies.controller';
import { AssessmentController } from './assessment.controller';
import { CertificationPoliciesService } from './certification-policies.service';
import { LearningPathService } from './learning-path.service';
import { SelfAssessmentService } from './self-assessment.service';

/** The self-assessment per target group, its result and learning path, and the confirmation policies. */
@Module({
  controllers: [AssessmentController, AdminPoliciesController],
  providers: [SelfAssessmentService, LearningPathService, CertificationPoliciesService],
  exports: [CertificationPoliciesService, LearningPathService],
})
export class AssessmentModule {}
