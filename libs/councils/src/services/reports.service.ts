import { Injectable } from '@nestjs/common';
import { Actor, AuditLog, FileStore, StoredFile, TransactionRunner } from '@chartuloba/platform';
import { CouncilsError, notFound } from '../councils.errors';
import { REPORT_DOCUMENT } from '../councils.files';
import { CreateReportDto, PublishReportDto } from '../dto/councils.dto';
import { ReportEntity, ReportQuestionEntity } from '../entities/councils.entities';
import { CouncilsRepository } from '../repositories/councils.repository';
import { BodiesService } from './bodies.service';
import type { FileInput } from './documents.service';
import { cleanText } from './text';

/**
 * Yearly reports: a body's own, and the public reports of the Mayor and each Sakrebulo member (held by
 * 1 November), announced in advance so residents can send questions, then published with the answers.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: CouncilsRepository,
    private readonly bodies: BodiesService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly files: FileStore,
  ) {}

  async report(id: string): Promise<ReportEntity> {
    const report = await this.repo.report(id);
    if (!report) {
      throw notFound('councils.report-not-found');
    }
    return report;
  }

  async create(actor: Actor, bodyId: string, dto: CreateReportDto, now = new Date()): Promise<ReportEntity> {
    await this.bodies.assertManages(actor, bodyId);
    const title = cleanText(dto.title, 'title', { required: true, max: 300 });
    const place = cleanText(dto.place, 'place', { max: 300 });
    return this.transactions.run(async () => {
      const report = await this.repo.insertReport({
        bodyId,
        kind: dto.kind,
        year: dto.year,
        presenter: dto.presenter.trim(),
        title,
        place,
        scheduledAt: dto.scheduledAt ? new Date(dto.scheduledAt) : null,
        announcedAt: dto.announce ? now : null,
      });
      await this.audit.record({
        actor,
        action: 'councils.report-scheduled',
        subject: { type: 'councils.report', id: report.id },
        summary: `${dto.kind} ${dto.year} by ${report.presenter}`,
      });
      return report;
    });
  }

  /**
   * Publishes the report text, with its document as an uploaded PDF (`pdf`, checked against the PDF policy
   * and named `pdfField` in a refusal). A link is still taken from the API for documents kept elsewhere.
   */
  async publish(
    actor: Actor,
    id: string,
    dto: PublishReportDto,
    now = new Date(),
    pdf?: FileInput,
    pdfField = 'file',
  ): Promise<ReportEntity> {
    const report = await this.report(id);
    await this.bodies.assertManages(actor, report.bodyId);
    const text = cleanText(dto.text, 'text', { required: true, max: 20000 });
    return this.transactions.run(async () => {
      const publishedAt = report.publishedAt ?? now;
      const file = pdf
        ? await this.files.save({ ...pdf, purpose: REPORT_DOCUMENT, actor, field: pdfField })
        : null;
      const fileId = file?.id ?? report.fileId;
      await this.repo.updateReport(id, { text, url: dto.url ?? null, publishedAt, fileId });
      if (file && report.fileId) {
        await this.files.remove(report.fileId);
      }
      await this.audit.record({
        actor,
        action: 'councils.report-published',
        subject: { type: 'councils.report', id },
        summary: `Report ${report.year} published`,
        data: file ? { document: { fileId: file.id, sha256: file.sha256, size: file.size } } : undefined,
      });
      return { ...report, text, publishedAt, url: dto.url ?? null, fileId };
    });
  }

  /** The report's PDF, for anyone once the report is published. */
  async publicDocument(id: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const report = await this.report(id);
    if (!report.fileId || !report.publishedAt) {
      throw notFound('councils.document-not-found');
    }
    return this.files.open(report.fileId);
  }

  /** A resident's question sent in advance; only while the report is announced and not yet published. */
  async ask(actor: Actor, reportId: string, question: string): Promise<ReportQuestionEntity> {
    const report = await this.report(reportId);
    if (!report.announcedAt || report.publishedAt) {
      throw new CouncilsError('councils.not-allowed-now', 'conflict', 'Questions are closed');
    }
    return this.transactions.run(async () => {
      const row = await this.repo.insertQuestion({
        reportId,
        authorId: actor.id,
        authorName: actor.label,
        question: question.trim(),
      });
      await this.audit.record({
        actor,
        action: 'councils.question-asked',
        subject: { type: 'councils.report', id: reportId },
        summary: 'Question sent in advance',
        data: { questionId: row.id },
      });
      return row;
    });
  }

  async answer(actor: Actor, questionId: string, answer: string, now = new Date()): Promise<void> {
    const question = await this.repo.question(questionId);
    if (!question) {
      throw notFound('councils.report-not-found');
    }
    const report = await this.report(question.reportId);
    await this.bodies.assertManages(actor, report.bodyId);
    await this.transactions.run(async () => {
      await this.repo.updateQuestion(questionId, { answer: answer.trim(), answeredAt: now });
      await this.audit.record({
        actor,
        action: 'councils.question-answered',
        subject: { type: 'councils.report', id: report.id },
        summary: 'Question answered',
        data: { questionId },
      });
    });
  }
}
