import { DomainError } from '../errors/domain-error';
import { AcceptPolicy, checkUpload, IMAGE_POLICY, PDF_POLICY } from './accept-policy';
import { minimalPdf } from './minimal-pdf';

const MB = 1024 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('the upload was accepted');
}

describe('the accept policy of an upload', () => {
  it('takes a PDF under the PDF limit and names its type', () => {
    expect(checkUpload({ bytes: minimalPdf(['Agenda']) }, PDF_POLICY, 'file')).toBe('application/pdf');
  });

  it('limits PDFs to 20 MB and images to 8 MB by default', () => {
    expect(PDF_POLICY.maxBytes).toBe(20 * MB);
    expect(IMAGE_POLICY.maxBytes).toBe(8 * MB);
  });

  it('refuses an empty file, naming the field', () => {
    const error = refusal(() => checkUpload({ bytes: Buffer.alloc(0) }, PDF_POLICY, 'document'));
    expect(error.code).toBe('platform.file-empty');
    expect(error.kind).toBe('invalid');
    expect(error.details).toEqual([expect.objectContaining({ field: 'document' })]);
  });

  it('refuses a file over the policy limit, and one the parser cut off, with the limit in MB', () => {
    const small: AcceptPolicy = { mediaTypes: ['application/pdf'], maxBytes: 1 * MB };
    const big = Buffer.concat([minimalPdf(['Annex']), Buffer.alloc(MB)]);
    const over = refusal(() => checkUpload({ bytes: big }, small, 'document'));
    expect(over.code).toBe('platform.file-too-large');
    expect(over.params).toEqual({ max: 1 });
    const cut = refusal(() => checkUpload({ bytes: minimalPdf(['x']), truncated: true }, PDF_POLICY, 'f'));
    expect(cut.code).toBe('platform.file-too-large');
    expect(cut.params).toEqual({ max: 20 });
  });

  it('refuses a file whose bytes are not of an accepted type, whatever it is called', () => {
    const fake = refusal(() => checkUpload({ bytes: Buffer.from('just text') }, PDF_POLICY, 'document'));
    expect(fake.code).toBe('platform.file-type-refused');
    expect(fake.params).toEqual({ types: 'PDF' });
    const image = refusal(() => checkUpload({ bytes: PNG }, PDF_POLICY, 'document'));
    expect(image.code).toBe('platform.file-type-refused');
    expect(checkUpload({ bytes: PNG }, IMAGE_POLICY, 'photo')).toBe('image/png');
  });
});
