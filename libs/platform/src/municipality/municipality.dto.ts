import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsString, MaxLength, Min, MinLength, Max } from 'class-validator';

export class LocalizedTextDto {
  @ApiPropertyOptional() ka?: string;
  @ApiPropertyOptional() az?: string;
  @ApiPropertyOptional() hy?: string;
  @ApiPropertyOptional() en?: string;
}

export class RecordVoterCountDto {
  @ApiProperty({ description: 'Registered voters in the municipality', example: 20013, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  registeredVoters!: number;

  @ApiProperty({ description: 'Date the count refers to (YYYY-MM-DD)', example: '2024-10-26' })
  @IsDateString({ strict: true })
  asOf!: string;

  @ApiProperty({ description: 'Where the figure comes from', example: 'CEC of Georgia, unified voter list' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  source!: string;
}

export class VoterCountResponseDto {
  @ApiProperty() registeredVoters!: number;
  @ApiProperty({ example: '2024-10-26' }) asOf!: string;
  @ApiProperty() source!: string;
  @ApiProperty() recordedAt!: string;
}

export class SettlementResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ enum: ['town', 'village', 'community'] }) kind!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
}

export class MunicipalityResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiProperty({ type: VoterCountResponseDto, nullable: true }) voterCount!: VoterCountResponseDto | null;
  @ApiProperty({ type: [SettlementResponseDto] }) settlements!: SettlementResponseDto[];
}
