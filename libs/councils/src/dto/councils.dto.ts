import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextDto } from '@chartuloba/platform';
import { BODY_KINDS, BodyKind, MemberRole, ReportKind } from '../entities/councils.entities';
import type { MajorityRule, QuorumRule, VoteChoice } from '../domain/tally';
import type { RecommendationStatus } from '../domain/deadlines';

const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'] };

export class CreateBodyDto {
  @ApiProperty({ example: 'youth-council' }) @Matches(/^[a-z0-9-]{2,60}$/) slug!: string;
  @ApiProperty({ enum: BODY_KINDS }) @IsIn(BODY_KINDS) kind!: BodyKind;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() name!: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @IsObject() description?: LocalizedTextDto;
  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;
}

export class BodySettingsDto {
  @ApiPropertyOptional({ description: 'Minimum days between announcement and session' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  announcementLeadDays?: number;
  @ApiPropertyOptional({ description: 'Days after a session by which minutes must be published' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  minutesDueDays?: number;
  @ApiPropertyOptional({ description: 'Days an addressee has to answer a recommendation' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  responseDays?: number;
  @ApiPropertyOptional({ enum: ['more-than-half', 'one-third', 'two-thirds'] })
  @IsOptional()
  @IsIn(['more-than-half', 'one-third', 'two-thirds'])
  quorumRule?: QuorumRule;
  @ApiPropertyOptional({ enum: ['of-votes-cast', 'of-present', 'of-members'] })
  @IsOptional()
  @IsIn(['of-votes-cast', 'of-present', 'of-members'])
  majorityRule?: MajorityRule;
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) regulationsUrl?: string;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @IsObject() speakRequest?: LocalizedTextDto;
}

export class AddMemberDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(160) name!: string;
  @ApiPropertyOptional({ description: 'A linked account; only linked members can vote' })
  @IsOptional()
  @IsUUID()
  userId?: string;
  @ApiProperty({ enum: ['chair', 'secretary', 'member'] })
  @IsIn(['chair', 'secretary', 'member'])
  role!: MemberRole;
  @ApiProperty({ example: '2025-01-01' }) @IsDateString({ strict: true }) termStart!: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) termEnd?: string;
}

export class CreateSessionDto {
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() title!: LocalizedTextDto;
  @ApiProperty({ example: '2026-03-20T15:00:00+04:00' }) @IsDateString() startsAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() endsAt?: string;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @IsObject() place?: LocalizedTextDto;
  @ApiPropertyOptional({ description: 'A field session: the village where it is held' })
  @IsOptional()
  @IsUUID()
  fieldSettlementId?: string;
}

export class AddAgendaItemDto {
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @IsObject() title?: LocalizedTextDto;
  @ApiPropertyOptional({ description: 'A pending motion to put on the agenda' })
  @IsOptional()
  @IsUUID()
  motionId?: string;
}

export class AgendaDecisionDto {
  @ApiProperty() @IsUUID() agendaItemId!: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() decision!: LocalizedTextDto;
}

export class PublishMinutesDto {
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() text!: LocalizedTextDto;
  @ApiProperty({ description: 'Members present', type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  presentMemberIds!: string[];
  @ApiPropertyOptional({ type: [AgendaDecisionDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AgendaDecisionDto)
  decisions?: AgendaDecisionDto[];
}

const CHOICES: VoteChoice[] = ['yes', 'no', 'abstain'];

export class CastVoteDto {
  @ApiProperty({ enum: CHOICES }) @IsIn(CHOICES) choice!: VoteChoice;
}

export class RollCallEntryDto {
  @ApiProperty() @IsUUID() memberId!: string;
  @ApiProperty({ enum: CHOICES }) @IsIn(CHOICES) choice!: VoteChoice;
}

export class RollCallDto {
  @ApiProperty({ type: [RollCallEntryDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RollCallEntryDto)
  votes!: RollCallEntryDto[];
}

export class CreateRecommendationDto {
  @ApiProperty({ example: 'Mayor of Dmanisi' }) @IsString() @MinLength(1) @MaxLength(200) addressee!: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() text!: LocalizedTextDto;
  @ApiProperty({ example: '2026-03-01' }) @IsDateString({ strict: true }) issuedOn!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) responsibleUnit!: string;
  @ApiPropertyOptional({ description: 'Defaults to the body’s response days after issue' })
  @IsOptional()
  @IsDateString({ strict: true })
  responseDueOn?: string;
}

const ANSWERED: RecommendationStatus[] = ['answered', 'implemented'];

export class AnswerRecommendationDto {
  @ApiProperty({ enum: ANSWERED }) @IsIn(ANSWERED) status!: RecommendationStatus;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() answer!: LocalizedTextDto;
  @ApiProperty() @IsDateString({ strict: true }) answeredOn!: string;
}

const REPORT_KINDS: ReportKind[] = ['body-yearly', 'mayor-public', 'member-public'];

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind!: ReportKind;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(160) presenter!: string;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() title!: LocalizedTextDto;
  @ApiPropertyOptional() @IsOptional() @IsDateString() scheduledAt?: string;
  @ApiPropertyOptional({ type: LocalizedTextDto }) @IsOptional() @IsObject() place?: LocalizedTextDto;
  @ApiPropertyOptional({ description: 'Announce at once (residents may then send questions)' })
  @IsOptional()
  @IsBoolean()
  announce?: boolean;
}

export class PublishReportDto {
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() text!: LocalizedTextDto;
  @ApiPropertyOptional() @IsOptional() @IsUrl(URL_OPTIONS) url?: string;
}

export class AskQuestionDto {
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(2000) question!: string;
}

export class AnswerQuestionDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) answer!: string;
}

export class ComplianceQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

/** Form fields of a document upload, for the OpenAPI document (the body is multipart/form-data). */
export const DOCUMENT_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'The PDF (its bytes decide; at most 20 MB)' },
    'title.ka': { type: 'string', maxLength: 200 },
    'title.az': { type: 'string', maxLength: 200 },
    'title.hy': { type: 'string', maxLength: 200 },
    'title.en': { type: 'string', maxLength: 200 },
  },
  description: 'A title in at least one language (`title.<locale>`) and the file.',
};

/** The multipart body of publishing a report with its PDF (the JSON route takes a link instead). */
export const REPORT_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: 'The report as a PDF (its bytes decide; at most 20 MB)',
    },
    'text.ka': { type: 'string', maxLength: 20000 },
    'text.az': { type: 'string', maxLength: 20000 },
    'text.hy': { type: 'string', maxLength: 20000 },
    'text.en': { type: 'string', maxLength: 20000 },
  },
  description: 'The report text in at least one language (`text.<locale>`) and its PDF.',
};

export class DocumentResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty({ type: LocalizedTextDto }) title!: LocalizedTextDto;
  @ApiPropertyOptional({ description: 'Uploaded documents: where visitors download it', nullable: true })
  downloadUrl!: string | null;
  @ApiPropertyOptional({ nullable: true }) filename!: string | null;
  @ApiPropertyOptional({ example: 'application/pdf', nullable: true }) mediaType!: string | null;
  @ApiPropertyOptional({ description: 'Bytes', nullable: true }) size!: number | null;
  @ApiPropertyOptional({ nullable: true }) sha256!: string | null;
  @ApiPropertyOptional({ description: 'Documents from before uploads: a link', nullable: true })
  url!: string | null;
}

export function toDocumentResponse(
  document: { id: string; sessionId: string; title: LocalizedTextDto; url: string | null },
  file: { filename: string; mediaType: string; size: number; sha256: string } | null,
): DocumentResponseDto {
  return {
    id: document.id,
    sessionId: document.sessionId,
    title: document.title,
    downloadUrl: file ? `/councils/documents/${document.id}` : null,
    filename: file?.filename ?? null,
    mediaType: file?.mediaType ?? null,
    size: file?.size ?? null,
    sha256: file?.sha256 ?? null,
    url: document.url,
  };
}
