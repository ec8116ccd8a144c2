import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageMetaDto, PageQueryDto, ROLES, Role } from '@chartuloba/platform';
import type { AccountRow } from '../repositories/users.repository';

export class AccountSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name, e-mail or login name' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;
}

export class RoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class AccountRoleParamsDto extends RoleDto {
  @ApiProperty()
  @IsUUID()
  id!: string;
}

export class VerifyResidencyDto {
  @ApiProperty({
    description: 'The 11-digit Georgian personal number; stored only as a keyed hash',
    example: '01024001234',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  personalNumber!: string;

  @ApiPropertyOptional({ description: 'Settlement of the resident’s address' })
  @IsOptional()
  @IsUUID()
  settlementId?: string;

  @ApiPropertyOptional({ example: 1980 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;
}

export class CreateAssistedAccountDto {
  @ApiProperty({ example: 'Aliyev Rashid' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName!: string;
}

export class ResidencyResponseDto {
  @ApiProperty({ nullable: true, type: String }) settlementId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) birthYear!: number | null;
  @ApiProperty() verifiedAt!: string;
}

/** An account as its owner and staff see it. The personal number, or its hash, is never part of it. */
export class AccountResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Login name of an assisted account' })
  loginName!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty() assisted!: boolean;
  @ApiProperty({ type: ResidencyResponseDto, nullable: true }) residency!: ResidencyResponseDto | null;
  @ApiProperty() createdAt!: string;
}

export class AccountPageResponseDto extends PageMetaDto {
  @ApiProperty({ type: [AccountResponseDto] }) items!: AccountResponseDto[];
}

export class AssistedAccountResponseDto {
  @ApiProperty({ type: AccountResponseDto }) account!: AccountResponseDto;
  @ApiProperty({ description: 'One-time sign-in code; shown this once only', example: 'K7MX-9QTR-WA' })
  code!: string;
}

export function toAccountResponse({ user, residency }: AccountRow): AccountResponseDto {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    loginName: user.loginName,
    roles: user.roles,
    emailVerified: user.emailVerifiedAt !== null,
    assisted: user.assisted,
    residency: residency
      ? {
          settlementId: residency.settlementId,
          birthYear: residency.birthYear,
          verifiedAt: residency.verifiedAt.toISOString(),
        }
      : null,
    createdAt: user.createdAt.toISOString(),
  };
}
