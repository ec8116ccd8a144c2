import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One uploaded file and its bytes (see FileStore for why the bytes live in PostgreSQL). */
@Entity({ name: 'platform_files' })
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ type: 'text' }) filename!: string;
  @Column({ name: 'media_type', type: 'text' }) mediaType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'bytea', select: false }) bytes!: Buffer;
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
