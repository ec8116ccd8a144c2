import { bandedPng } from '../services/budgeting-demo.png';
import { imageSize, thumbnailSize } from './image-size';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('the pixel size of an uploaded image', () => {
  it('reads a PNG header', () => {
    expect(imageSize(bandedPng(12, 5, [[200, 30, 30]]), 'image/png')).toEqual({ width: 12, height: 5 });
  });

  it('reads a JPEG frame past the segments before it', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00];
    expect(imageSize(bytes(0xff, 0xd8, ...app0, ...sof0), 'image/jpeg')).toEqual({ width: 640, height: 480 });
  });

  it('reads an extended WebP header', () => {
    const riff = [...'RIFF'].map((c) => c.charCodeAt(0));
    const webp = [...'WEBPVP8X'].map((c) => c.charCodeAt(0));
    const header = [0x0a, 0, 0, 0, 0x10, 0, 0, 0, 0x1f, 0x03, 0x00, 0xdf, 0x01, 0x00];
    expect(imageSize(bytes(...riff, 0, 0, 0, 0, ...webp, ...header), 'image/webp')).toEqual({
      width: 800,
      height: 480,
    });
  });

  it('gives up on a header it cannot read rather than guessing', () => {
    expect(imageSize(bytes(0xff, 0xd8, 0xff), 'image/jpeg')).toBeNull();
    expect(imageSize(bytes(0x89, 0x50), 'image/png')).toBeNull();
  });

  it('fits a thumbnail in its box keeping proportions, never enlarging a small picture', () => {
    expect(thumbnailSize({ width: 4000, height: 3000 }, 320)).toEqual({ width: 320, height: 240 });
    expect(thumbnailSize({ width: 1000, height: 2000 }, 320)).toEqual({ width: 160, height: 320 });
    expect(thumbnailSize({ width: 40, height: 30 }, 320)).toEqual({ width: 40, height: 30 });
  });
});
