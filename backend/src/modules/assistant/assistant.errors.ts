import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception';

/** The assistant's refusals; messages are Vietnamese because the page shows them as they are. */
export const AssistantErrors = {
  off: () => new AppException(HttpStatus.SERVICE_UNAVAILABLE, 'ASSISTANT_OFF', 'Trợ lý học tập đang tạm tắt. Bạn vẫn xem được danh mục khóa học và bài học như bình thường.'),
  closedForExam: (quizTitle: string) =>
    new AppException(HttpStatus.LOCKED, 'ASSISTANT_CLOSED_FOR_EXAM', `Bạn đang làm bài kiểm tra có giới hạn thời gian «${quizTitle}». Trợ lý sẽ mở lại khi bạn nộp bài.`),
  tooLong: (max: number) =>
    new AppException(HttpStatus.BAD_REQUEST, 'ASSISTANT_QUESTION_TOO_LONG', `Câu hỏi dài quá ${max} ký tự. Bạn hãy hỏi ngắn gọn hơn, mỗi lần một ý.`, [
      { field: 'question', message: `Câu hỏi tối đa ${max} ký tự` },
    ]),
  empty: () => new AppException(HttpStatus.BAD_REQUEST, 'ASSISTANT_QUESTION_EMPTY', 'Bạn hãy gõ câu hỏi (ít nhất 2 chữ).', [{ field: 'question', message: 'Câu hỏi còn trống' }]),
  tooMany: (retryAfterSeconds: number) =>
    new AppException(HttpStatus.TOO_MANY_REQUESTS, 'ASSISTANT_TOO_MANY_QUESTIONS', `Bạn đã hỏi nhiều câu trong một giờ. Hãy thử lại sau khoảng ${Math.ceil(retryAfterSeconds / 60)} phút.`, { retryAfterSeconds }),
  notSubmitted: () => new AppException(HttpStatus.CONFLICT, 'ASSISTANT_ATTEMPT_NOT_SUBMITTED', 'Lời giải thích chỉ có sau khi bạn nộp bài.'),
  noModel: () =>
    new AppException(HttpStatus.SERVICE_UNAVAILABLE, 'ASSISTANT_MODEL_NOT_CONFIGURED', 'Chưa cấu hình mô hình ngôn ngữ nên chưa gợi ý được câu hỏi. Quản trị viên máy chủ cần đặt ASSISTANT_MODEL_URL và ASSISTANT_MODEL; bạn vẫn soạn câu hỏi bằng tay như bình thường.'),
  modelOff: () =>
    new AppException(HttpStatus.SERVICE_UNAVAILABLE, 'ASSISTANT_MODEL_OFF', 'Quản trị viên đang tắt trợ lý hoặc chỉ cho trợ lý chạy trên máy chủ này, nên bài học không được gửi tới mô hình ngôn ngữ để gợi ý câu hỏi.'),
  modelFailed: () =>
    new AppException(HttpStatus.BAD_GATEWAY, 'ASSISTANT_MODEL_FAILED', 'Mô hình ngôn ngữ không trả lời kịp hoặc đang lỗi. Chưa có câu hỏi nào được lưu; bạn thử lại sau ít phút.'),
  unusableSuggestions: () =>
    new AppException(HttpStatus.BAD_GATEWAY, 'ASSISTANT_SUGGESTIONS_UNUSABLE', 'Mô hình ngôn ngữ trả về nội dung không dùng được làm câu hỏi. Chưa có câu hỏi nào được lưu; bạn thử lại, hoặc viết bài học rõ ý hơn.'),
};
