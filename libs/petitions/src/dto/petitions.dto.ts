import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { LocalizedText, LocalizedTextDto, PageQueryDto } from '@chartuloba/platform';
import {
  ANSWER_OUTCOMES,
  AnswerOutcome,
  PETITION_KINDS,
  PETITION_STATUSES,
  PetitionKind,
  PetitionStatus,
  PUBLIC_STATUSES,
} from '../domain/lifecycle';
import type { PetitionSort } from '../repositories/petitions.repository';
import type { SignatureCount } from '../repositories/signatures.repository';

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;

export class CreatePetitionDto {
  @ApiProperty({ enum: PETITION_KINDS })
  @IsIn(PETITION_KINDS)
  kind!: PetitionKind;

  @ApiProperty({ type: LocalizedTextDto, description: 'Title in one or more of ka, az, hy, en' })
  @IsObject()
  title!: LocalizedText;

  @ApiProperty({ type: LocalizedTextDto, description: 'Text in one or more of ka, az, hy, en' })
  @IsObject()
  body!: LocalizedText;

  @ApiProperty({ example: '2026-12-31', description: 'Last day of signing (Tbilisi time)' })
  @IsDateString({ strict: true })
  closesOn!: string;
}

export class ListPetitionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PETITION_STATUSES })
  @IsOptional()
  @IsIn(PETITION_STATUSES)
  status?: PetitionStatus;

  @ApiPropertyOptional({ enum: ['signatures', 'newest', 'closing'], default: 'newest' })
  @IsOptional()
  @IsIn(['signatures', 'newest', 'closing'])
  sort?: PetitionSort;
}

export class SignPetitionDto {
  @ApiPropertyOptional({ default: true, description: 'E-mail me about this petition' })
  @IsOptional()
  @IsBoolean()
  notify?: boolean;
}

export class ReasonDto {
  @ApiProperty({ description: 'Why (shown to the author or kept in the audit log)' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class AnswerPetitionDto {
  @ApiProperty({ enum: ANSWER_OUTCOMES })
  @IsIn(ANSWER_OUTCOMES)
  outcome!: AnswerOutcome;

  @ApiProperty({ type: LocalizedTextDto, description: "The Sakrebulo's decision and reasons" })
  @IsObject()
  text!: LocalizedText;
}

export class CreateAssemblyPetitionDto {
  @ApiProperty({ enum: PETITION_KINDS })
  @IsIn(PETITION_KINDS)
  kind!: PetitionKind;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  title!: LocalizedText;

  @ApiProperty({ type: LocalizedTextDto })
  @IsObject()
  body!: LocalizedText;

  @ApiProperty({ description: 'Settlement whose general assembly adopted it' })
  @IsString()
  settlementId!: string;

  @ApiProperty({ description: "The assembly's minutes: date, place, attendance, decision" })
  @IsString()
  @MinLength(10)
  @MaxLength(20_000)
  minutes!: string;

  @ApiProperty({ description: 'Name of the assembly chair, shown as the author' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  authorName!: string;
}

export class CreatePaperListDto {
  @ApiProperty({ example: 'Sheet batch 1 (Irganchai)' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  label!: string;
}

export class AddPaperSignatureDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(120) name!: string;
  @ApiProperty({ example: '01001000002' }) @IsString() @Matches(/^\s*\d{11}\s*$/) personalNumber!: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(300) address!: string;
  @ApiProperty({ example: '2026-11-20' }) @IsDateString({ strict: true }) signedOn!: string;
}

export class VerifySignatureDto {
  @ApiProperty({ enum: ['valid', 'invalid'] })
  @IsIn(['valid', 'invalid'])
  result!: 'valid' | 'invalid';

  @ApiPropertyOptional({ description: 'Required when invalid' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ThresholdBasisDto {
  @ApiProperty() registeredVoters!: number;
  @ApiProperty() asOf!: string;
  @ApiProperty() source!: string;
}

export class SignatureCountDto {
  @ApiProperty({ description: 'Signatures that count' }) signatures!: number;
  @ApiProperty({ nullable: true }) threshold!: number | null;
  @ApiProperty() paper!: number;
  @ApiProperty({ description: 'Signatures found invalid by staff' }) invalidated!: number;
}

/** The public count, or null when the petition is not public (the route answers 404). */
export function toSignatureCountResponse(count: SignatureCount): SignatureCountDto | null {
  if (!count.status || !PUBLIC_STATUSES.includes(count.status as PetitionStatus)) {
    return null;
  }
  return {
    signatures: count.counted,
    threshold: count.threshold,
    paper: count.paper,
    invalidated: count.invalidated,
  };
}

export class PetitionResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: PETITION_KINDS }) kind!: string;
  @ApiProperty({ enum: ['online', 'general-assembly'] }) origin!: string;
  @ApiProperty({ enum: PETITION_STATUSES }) status!: string;
  @ApiProperty({ type: LocalizedTextDto }) title!: LocalizedText;
  @ApiProperty({ type: LocalizedTextDto }) body!: LocalizedText;
  @ApiProperty() authorName!: string;
  @ApiProperty({ nullable: true }) threshold!: number | null;
  @ApiProperty({ type: ThresholdBasisDto, nullable: true }) thresholdBasis!: ThresholdBasisDto | null;
  @ApiProperty() signatures!: number;
  @ApiProperty({ nullable: true }) closesAt!: string | null;
  @ApiProperty({ nullable: true }) openedAt!: string | null;
  @ApiProperty({ nullable: true }) registrationNumber!: string | null;
  @ApiProperty({ nullable: true }) registeredAt!: string | null;
  @ApiProperty({ nullable: true }) considerationDueAt!: string | null;
  @ApiProperty() considerationOverdue!: boolean;
  @ApiProperty({ nullable: true, enum: ANSWER_OUTCOMES }) answerOutcome!: string | null;
  @ApiProperty({ type: LocalizedTextDto, nullable: true }) answerText!: LocalizedText | null;
  @ApiProperty({ nullable: true }) answeredAt!: string | null;
  @ApiProperty() url!: string;
}

export class PetitionPageResponseDto {
  @ApiProperty({ type: [PetitionResponseDto] }) items!: PetitionResponseDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class SignatureResponseDto {
  @ApiProperty() signatureId!: string;
}

export class InvitationResponseDto {
  @ApiProperty({ description: 'Share this link with a co-initiator; it works once' }) link!: string;
}

export class PaperListResponseDto {
  @ApiProperty() id!: string;
}

export class PaperSignatureResponseDto {
  @ApiProperty() signatureId!: string;
}

export class SampleResponseDto {
  @ApiProperty() seed!: string;
  @ApiProperty({ type: [String] }) signatureIds!: string[];
}

export class SampledSignatureDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() personalNumber!: string;
  @ApiProperty() address!: string;
  @ApiProperty() signedOn!: string;
  @ApiProperty({ nullable: true }) verification!: string | null;
}
