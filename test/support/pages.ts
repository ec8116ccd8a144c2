import type { Response } from 'supertest';
import request from 'supertest';

/** The CSRF token a rendered form carries. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) {
    throw new Error('no CSRF field on the page');
  }
  return match[1];
}

/** A browser-like client: keeps cookies, asks for HTML, and posts forms with the token of the page it read. */
export class PageClient {
  readonly agent: ReturnType<typeof request.agent>;

  constructor(baseUrl: string) {
    this.agent = request.agent(baseUrl);
  }

  async get(path: string): Promise<Response> {
    return this.agent.get(path).set('accept', 'text/html');
  }

  /** Reads `formPage`, then posts `fields` with its CSRF token to `action` (default: the same path). */
  async submit(formPage: string, fields: Record<string, string>, action = formPage): Promise<Response> {
    const page = await this.get(formPage);
    return this.agent
      .post(action)
      .set('accept', 'text/html')
      .type('form')
      .send({ ...fields, _csrf: csrfOf(page.text) });
  }
}

export interface UploadPart {
  field: string;
  bytes: Buffer;
  filename: string;
  /** What the client claims; the portal ignores it. */
  contentType?: string;
}

/** Reads `formPage` and posts a multipart form (fields, files and its CSRF token) to `action`. */
export async function submitMultipart(
  client: PageClient,
  formPage: string,
  action: string,
  fields: Record<string, string>,
  files: UploadPart[],
): Promise<Response> {
  const page = await client.get(formPage);
  let post = client.agent.post(action).set('accept', 'text/html').field('_csrf', csrfOf(page.text));
  for (const [name, value] of Object.entries(fields)) {
    post = post.field(name, value);
  }
  for (const file of files) {
    post = post.attach(file.field, file.bytes, {
      filename: file.filename,
      contentType: file.contentType ?? 'application/pdf',
    });
  }
  return post;
}

/** Collects a binary response body as a Buffer (supertest leaves unknown types unparsed). */
export function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

export function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+`).exec(text);
  if (!match) {
    throw new Error(`no ${path} link in: ${text}`);
  }
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

/** A bearer token from the sign-in route, as an API client gets one. */
export async function bearerToken(url: string, login: string, password: string): Promise<string> {
  const response = await request(url).post('/api/v1/auth/token').send({ login, password }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}
