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

export class CategoryDto {
  @ApiProperty() @IsString() @MaxLength(40) key!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) @IsObject() name!: LocalizedText;
}

export class DistrictBudgetDto {
  @ApiProperty() @IsUUID() settlementId!: string;
  @ApiProperty({ description: 'GEL' }) @IsInt() @Min(0) budget!: number;
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
  @ApiProperty({ description: 'GEL' }) @IsInt() @Min(1) totalBudget!: number;
  @ApiPropertyOptional({ type: [DistrictBudgetDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DistrictBudgetDto)
  districtBudgets?: DistrictBudgetDto[];
  @ApiPropertyOptional({ description: 'Municipality-wide pot (GEL)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  municipalBudget?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) maxProjectCost?: number;
  @ApiPropertyOptional({ type: [CategoryDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CategoryDto)
  categories?: CategoryDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() proposeRequiresResident?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(120) minVoterAge?: number;
  @ApiProperty({ enum: BALLOT_TYPES }) @IsIn(BALLOT_TYPES) ballotType!: BallotType;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) ballotK?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) ballotPoints?: number;
  @ApiProperty({ enum: TALLY_RULES }) @IsIn(TALLY_RULES) outcomeRule!: TallyRule;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) minScore?: number;
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

export class CommentDto {
  @ApiProperty() @IsString() @MaxLength(2000) body!: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['shortlist', 'reject'] }) @IsIn(['shortlist', 'reject']) decision!:
    'shortlist' | 'reject';
  @ApiProperty() @IsBoolean() feasible!: boolean;
  @ApiProperty() @IsBoolean() legal!: boolean;
  @ApiProperty({ description: 'Staff cost estimate (GEL)' }) @IsInt() @Min(0) costEstimate!: number;
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
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) points?: number;
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
  @ApiProperty() @IsInt() @Min(0) @Max(100) progress!: number;
  @ApiProperty({ description: 'GEL spent so far' }) @IsInt() @Min(0) spent!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) @IsObject() note!: LocalizedText;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) photoUrl?: string;
}

export class ImportPbDto {
  @ApiProperty({ description: 'The text of a Pabulib .pb file' }) @IsString() text!: string;
  @ApiPropertyOptional({ enum: TALLY_RULES }) @IsOptional() @IsIn(TALLY_RULES) rule?: TallyRule;
}
