import { sniffMediaType } from './media-type';
import { minimalPdf } from './minimal-pdf';

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('sniffing a media type from the bytes', () => {
  it('recognises a PDF by its %PDF- header', () => {
    expect(sniffMediaType(minimalPdf(['Minutes']))).toBe('application/pdf');
  });

  it('recognises JPEG, PNG and WebP signatures', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('image/png');
    expect(sniffMediaType(bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses HTML that is named and labelled as a PDF', () => {
    expect(sniffMediaType(Buffer.from('<html><script>alert(1)</script>%PDF-1.4'))).toBeNull();
  });

  it('refuses a PDF header that does not start the file', () => {
    expect(sniffMediaType(Buffer.from(' %PDF-1.7'))).toBeNull();
  });

  it('refuses a RIFF file that is not WebP, and bytes too short for any signature', () => {
    expect(sniffMediaType(bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt '))).toBeNull();
    expect(sniffMediaType(bytes('%PD'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
  });
});
