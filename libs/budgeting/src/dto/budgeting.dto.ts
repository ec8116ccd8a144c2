import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { LocalizedText } from '@chartuloba/platform';
import { BALLOT_TYPES, type BallotType } from '../domain/ballot-rules';
import { TALLY_RULES, type TallyRule } from '../domain/tally.rules';
import type { ImplementationStatus } from '../repositories/budgeting.rows';
import type { AttachmentView, PhotoView } from '../services/attachments.service';
import type { CreateCycleInput } from '../services/cycles.service';

export class CategoryDto {
  @ApiProperty() @IsString() @MaxLength(40) key!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) @IsObject() name!: LocalizedText;
}

export class DistrictBudgetDto {
  @ApiProperty() @IsUUID() settlementId!: string;
  @ApiProperty({ description: 'GEL' }) @Type(() => Number) @IsInt() @Min(0) budget!: number;
}

export class CreateCycleDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  @IsObject()
  title!: LocalizedText;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The published rules',
  })
  @IsObject()
  rules!: LocalizedText;
  @ApiProperty({ description: 'GEL' }) @Type(() => Number) @IsInt() @Min(1) totalBudget!: number;
  @ApiPropertyOptional({ type: [DistrictBudgetDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DistrictBudgetDto)
  districtBudgets?: DistrictBudgetDto[];
  @ApiPropertyOptional({ description: 'Municipality-wide pot (GEL)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  municipalBudget?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) maxProjectCost?: number;
  @ApiPropertyOptional({ type: [CategoryDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CategoryDto)
  categories?: CategoryDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() proposeRequiresResident?: boolean;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(120) minVoterAge?: number;
  @ApiProperty({ enum: BALLOT_TYPES }) @IsIn(BALLOT_TYPES) ballotType!: BallotType;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) ballotK?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) ballotPoints?: number;
  @ApiProperty({ enum: TALLY_RULES }) @IsIn(TALLY_RULES) outcomeRule!: TallyRule;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) minScore?: number;
  @ApiPropertyOptional({ enum: ['cheaper-first', 'project-id'] })
  @IsOptional()
  @IsIn(['cheaper-first', 'project-id'])
  tieBreak?: 'cheaper-first' | 'project-id';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() needsCouncil?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsDateString() proposalsFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() reviewFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() votingFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() votingUntil?: string;
}

/** An edit: only the settings given change; once proposals start, only `title` and `rules` may. */
export class UpdateCycleDto extends PartialType(CreateCycleDto) {}

export class ProposeProjectDto {
  @ApiProperty() @IsUUID() districtId!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  @IsObject()
  title!: LocalizedText;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  @IsObject()
  description!: LocalizedText;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) location?: string;
  @ApiProperty({ description: 'GEL' }) @IsInt() @Min(1) estimatedCost!: number;
}

/** Limits shared by the JSON API, the page form and the service. */
export const COMMENT_MAX = 2000;
export const HIDE_REASON_MAX = 500;

export class CommentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(COMMENT_MAX) body!: string;
}

export class HideCommentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(HIDE_REASON_MAX) reason!: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['shortlist', 'reject'] }) @IsIn(['shortlist', 'reject']) decision!:
    'shortlist' | 'reject';
  @ApiProperty() @IsBoolean() feasible!: boolean;
  @ApiProperty() @IsBoolean() legal!: boolean;
  @ApiProperty({ description: 'Staff cost estimate (GEL)' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  costEstimate!: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Public reasons',
  })
  @IsOptional()
  @IsObject()
  reason?: LocalizedText;
}

export class MergeDto {
  @ApiProperty() @IsUUID() targetId!: string;
}

export class BallotChoiceDto {
  @ApiProperty() @IsUUID() projectId!: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) points?: number;
}

export class CastBallotDto {
  @ApiProperty() @IsUUID() districtId!: string;
  @ApiProperty({ type: [BallotChoiceDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BallotChoiceDto)
  choices!: BallotChoiceDto[];
}

export class PaperBallotDto extends CastBallotDto {
  @ApiProperty() @IsString() @MaxLength(40) paperNumber!: string;
  @ApiProperty() @IsString() @MaxLength(20) personalNumber!: string;
  @ApiProperty() @IsDateString() castAt!: string;
}

export class ImplementationUpdateDto {
  @ApiProperty({ enum: ['not-started', 'in-progress', 'completed', 'cancelled'] })
  @IsIn(['not-started', 'in-progress', 'completed', 'cancelled'])
  status!: ImplementationStatus;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) @Max(100) progress!: number;
  @ApiProperty({ description: 'GEL spent so far' }) @Type(() => Number) @IsInt() @Min(0) spent!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) @IsObject() note!: LocalizedText;
}

export class UpdateCreatedDto {
  @ApiProperty({ description: 'Photos of the works are uploaded to /admin/budgeting/updates/{id}/photos' })
  id!: string;
}

/** A stored file as the API describes it; the bytes download from `downloadUrl`. */
export class AttachmentResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() projectId!: string;
  @ApiProperty() filename!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] }) mediaType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: String, nullable: true }) caption!: string | null;
  @ApiProperty({ type: Number, nullable: true }) width!: number | null;
  @ApiProperty({ type: Number, nullable: true }) height!: number | null;
  @ApiProperty() downloadUrl!: string;
}

export class PhotoResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() updateId!: string;
  @ApiProperty({ type: Number, nullable: true }) width!: number | null;
  @ApiProperty({ type: Number, nullable: true }) height!: number | null;
  @ApiProperty() downloadUrl!: string;
}

export const ATTACHMENT_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: 'A PDF (at most 20 MB) or a JPEG, PNG or WebP image (at most 8 MB); its bytes decide',
    },
    caption: { type: 'string', maxLength: 200, description: 'Shown as the image’s text alternative' },
  },
  description: 'One file; a proposal has at most 3.',
};

export const PHOTO_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'A JPEG, PNG or WebP image (at most 8 MB)' },
  },
};

export class ImportPbDto {
  @ApiProperty({ description: 'The text of a Pabulib .pb file' }) @IsString() text!: string;
  @ApiPropertyOptional({ enum: TALLY_RULES }) @IsOptional() @IsIn(TALLY_RULES) rule?: TallyRule;
}

/** The service's input from a validated CreateCycleDto, with the defaults both the API and the pages use. */
export function cycleInputOf(body: CreateCycleDto): CreateCycleInput {
  const date = (value?: string) => (value ? new Date(value) : null);
  return {
    title: body.title,
    rules: body.rules,
    totalBudget: body.totalBudget,
    districtBudgets: body.districtBudgets ?? [],
    municipalBudget: body.municipalBudget ?? null,
    maxProjectCost: body.maxProjectCost ?? null,
    categories: body.categories ?? [],
    proposeRequiresResident: body.proposeRequiresResident ?? true,
    minVoterAge: body.minVoterAge ?? 16,
    ballotType: body.ballotType,
    ballotK: body.ballotK ?? null,
    ballotPoints: body.ballotPoints ?? null,
    outcomeRule: body.outcomeRule,
    minScore: body.minScore ?? null,
    tieBreak: body.tieBreak ?? 'cheaper-first',
    needsCouncil: body.needsCouncil ?? false,
    proposalsFrom: date(body.proposalsFrom),
    reviewFrom: date(body.reviewFrom),
    votingFrom: date(body.votingFrom),
    votingUntil: date(body.votingUntil),
  };
}

const CYCLE_DATE_FIELDS = new Set(['proposalsFrom', 'reviewFrom', 'votingFrom', 'votingUntil']);

/** The service's partial input from a validated UpdateCycleDto: what is left out keeps its stored value. */
export function cycleChangesOf(body: UpdateCycleDto): Partial<CreateCycleInput> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [
        key,
        CYCLE_DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value,
      ]),
  ) as Partial<CreateCycleInput>;
}

export function toAttachmentResponse(view: AttachmentView): AttachmentResponseDto {
  const { id, projectId, caption, width, height, file } = view;
  const { filename, mediaType, size, sha256 } = file;
  return { id, projectId, filename, mediaType, size, sha256, caption, width, height, downloadUrl: view.href };
}

export function toPhotoResponse(view: PhotoView): PhotoResponseDto {
  const { id, updateId, width, height } = view;
  return { id, updateId, width, height, downloadUrl: view.href };
}
