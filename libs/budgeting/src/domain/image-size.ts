/** Pixel size of an image. */
export interface ImageSize {
  width: number;
  height: number;
}

const be16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const le16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const le24 = (b: Uint8Array, at: number) => le16(b, at) | ((b[at + 2] ?? 0) << 16);
const be32 = (b: Uint8Array, at: number) => be16(b, at) * 65536 + be16(b, at + 2);
const ascii = (b: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...b.subarray(at, at + length));

function jpegSize(b: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) {
      return null;
    }
    const marker = b[at + 1] ?? 0;
    // Fill bytes and markers without a length (SOI, RSTn, TEM) carry no segment.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) hold the frame's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: be16(b, at + 5), width: be16(b, at + 7) };
    }
    at += 2 + be16(b, at + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): ImageSize | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') {
    return { width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
  }
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
  }
  return null;
}

/**
 * The pixel size an image's header declares (PNG, JPEG, WebP), or null when the header cannot be read. Pages
 * put it on `<img>` so the text does not jump when the picture arrives over a slow connection.
 */
export function imageSize(bytes: Uint8Array, mediaType: string): ImageSize | null {
  let size: ImageSize | null = null;
  if (mediaType === 'image/png' && ascii(bytes, 12, 4) === 'IHDR') {
    size = { width: be32(bytes, 16), height: be32(bytes, 20) };
  } else if (mediaType === 'image/jpeg') {
    size = jpegSize(bytes);
  } else if (mediaType === 'image/webp') {
    size = webpSize(bytes);
  }
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/** The size to show an image at within `box` pixels, keeping its proportions and never enlarging it. */
export function thumbnailSize(size: ImageSize, box: number): ImageSize {
  const scale = Math.min(1, box / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}
