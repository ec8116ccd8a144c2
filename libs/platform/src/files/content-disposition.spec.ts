import { contentDisposition } from './file-response';
import { cleanFilename } from './file-store.service';

describe('the download name of a stored file', () => {
  it('keeps a Georgian name exactly in filename* and gives an ASCII fallback', () => {
    const header = contentDisposition('ოქმი 2025.pdf');
    expect(header).toBe(
      `attachment; filename="____ 2025.pdf"; filename*=UTF-8''%E1%83%9D%E1%83%A5%E1%83%9B%E1%83%98%202025.pdf`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('ოქმი 2025.pdf');
  });

  it('drops paths, quotes and control characters from an uploaded name', () => {
    expect(cleanFilename('C:\\Users\\nino\\"agenda"\r\n.pdf')).toBe('agenda.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('', 'document.pdf')).toBe('document.pdf');
  });
});
