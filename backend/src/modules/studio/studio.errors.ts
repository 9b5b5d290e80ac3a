import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception';

export const notImplemented = () => new AppException(HttpStatus.NOT_IMPLEMENTED, 'NOT_IMPLEMENTED', 'Not ready yet');
