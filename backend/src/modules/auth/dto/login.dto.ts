import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsStrongPassword } from '../../users/validators';

export class LoginDto {
  @ApiProperty({ description: 'Phone number or email', example: '0912345678' })
  @IsString()
  @Length(3, 254)
  login: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @Length(1, 128) currentPassword: string;
  @ApiProperty({ minLength: 8 }) @IsString() @IsStrongPassword() newPassword: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'Phone number or email' }) @IsString() @Length(3, 254) login: string;
  @ApiProperty({ example: '12345678' }) @IsString() @Length(8, 8) code: string;
  @ApiProperty({ minLength: 8 }) @IsString() @IsStrongPassword() newPassword: string;
}

export class EmailResetDto {
  @ApiProperty() @IsString() @Length(3, 254) email: string;
}

export class CsrfResponseDto {
  @ApiProperty() csrfToken: string;
}

export class ConsentResponseDto {
  @ApiProperty() version: string;
  @ApiProperty() text: string;
}
