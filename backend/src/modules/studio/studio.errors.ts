import { HttpStatus } from '@nestjs/common';
import { AppException, fieldError } from '../../common/errors/app-exception';
import type { StudioProblemDto } from './dto/studio.dto';

export const StudioErrors = {
  /** A save made from an older version whose content differs from the current one: both are handed back, nothing is lost. */
  editConflict: (yours: unknown, theirs: unknown) =>
    new AppException(HttpStatus.CONFLICT, 'EDIT_CONFLICT', 'Someone saved this since you opened it: compare both versions and save again', { yours, theirs }),
  invalid: (problems: StudioProblemDto[]) =>
    new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'STUDIO_INVALID', `${problems.filter((p) => !p.warning).length} problems in the course`, { problems }),
  archived: () => new AppException(HttpStatus.CONFLICT, 'COURSE_ARCHIVED', 'This course is archived'),
  wrongStatus: (status: string, needed: string) =>
    new AppException(HttpStatus.CONFLICT, 'WRONG_STATUS', `The course is ${status}; this needs ${needed}`, { status }),
  taken: (field: string, message: string) => fieldError(HttpStatus.CONFLICT, 'ALREADY_EXISTS', field, message),
  notAuthor: () => new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Only the authors of this course may change it'),
  notReviewer: () => new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Only a reviewer of this course who is not one of its authors may do this'),
  notOwner: () => new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Only the owners of this course may change its authors'),
  lastOwner: () => new AppException(HttpStatus.CONFLICT, 'LAST_OWNER', 'A course keeps at least one owner: make someone else owner first'),
  tooMuch: (field: string, message: string) => fieldError(HttpStatus.UNPROCESSABLE_ENTITY, 'STUDIO_LIMIT', field, message),
  mediaRefused: (message: string) => fieldError(HttpStatus.UNPROCESSABLE_ENTITY, 'MEDIA_REFUSED', 'file', message),
  suggestionsBusy: () => new AppException(HttpStatus.CONFLICT, 'SUGGESTIONS_IN_PROGRESS', 'Trợ lý đang soạn câu hỏi cho yêu cầu này; bạn đợi một chút rồi xem lại ngân hàng câu hỏi.'),
  keyReused: () => fieldError(HttpStatus.CONFLICT, 'IDEMPOTENCY_CONFLICT', 'Idempotency-Key', 'Khóa Idempotency-Key này đã dùng cho một yêu cầu gợi ý khác.'),
  tooManySuggestions: (retryAfterSeconds: number) =>
    new AppException(HttpStatus.TOO_MANY_REQUESTS, 'TOO_MANY_SUGGESTIONS', `Bạn đã nhờ gợi ý câu hỏi nhiều lần trong một giờ. Hãy thử lại sau khoảng ${Math.ceil(retryAfterSeconds / 60)} phút.`, { retryAfterSeconds }),
  emptyLesson: () => fieldError(HttpStatus.UNPROCESSABLE_ENTITY, 'LESSON_EMPTY', 'body', 'Bài học chưa có đủ nội dung để gợi ý câu hỏi: hãy viết bài trước.'),
  noCompetency: () => fieldError(HttpStatus.UNPROCESSABLE_ENTITY, 'NO_COMPETENCY', 'competencies', 'Bài học và khóa học chưa gắn năng lực nào: hãy chọn năng lực trước khi gợi ý câu hỏi.'),
  zipRefused: (message: string) => fieldError(HttpStatus.UNPROCESSABLE_ENTITY, 'ZIP_REFUSED', 'file', message),
};
