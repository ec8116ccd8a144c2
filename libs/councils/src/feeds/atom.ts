export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  link: string;
  summary: string;
  category: string;
}

/** XML text and attribute escaping; control characters XML 1.0 forbids are dropped. */
export function escapeXml(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** An Atom 1.0 feed (RFC 4287). */
export function buildAtom(feed: {
  id: string;
  title: string;
  selfUrl: string;
  siteUrl: string;
  lang: string;
  entries: AtomEntry[];
}): string {
  const updated = feed.entries.reduce((max, entry) => Math.max(max, entry.updated.getTime()), 0);
  const parts = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `<id>${escapeXml(feed.id)}</id>`,
    `<title>${escapeXml(feed.title)}</title>`,
    `<updated>${new Date(updated || Date.UTC(2024, 0, 1)).toISOString()}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    `<author><name>${escapeXml(feed.title)}</name></author>`,
  ];
  for (const entry of feed.entries) {
    parts.push(
      '<entry>',
      `<id>${escapeXml(entry.id)}</id>`,
      `<title>${escapeXml(entry.title)}</title>`,
      `<updated>${entry.updated.toISOString()}</updated>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      `<category term="${escapeXml(entry.category)}"/>`,
      `<summary type="text">${escapeXml(entry.summary)}</summary>`,
      '</entry>',
    );
  }
  parts.push('</feed>');
  return `${parts.join('\n')}\n`;
}
