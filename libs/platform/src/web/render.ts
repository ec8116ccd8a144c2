import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a page component tree. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
