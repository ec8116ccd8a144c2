import { Injectable } from '@nestjs/common';

/** Answers a hot read with its JSON body, or `undefined` to let the ordinary route answer (404s, errors). */
export type HotRead = (params: string[]) => Promise<string | undefined>;

interface HotRoute {
  path: RegExp;
  read: HotRead;
}

/**
 * Public, anonymous GET answers served straight from memory ahead of the Nest pipeline, for the few
 * endpoints that are read thousands of times a second (a petition's count during a surge). The ordinary
 * route stays, documented in OpenAPI, and answers whatever a hot read leaves (not found, bad input): a hot
 * read must answer exactly what that route would. Skipped on purpose: the per-request log line and the
 * rate limit, which would cost more than the answer.
 */
@Injectable()
export class HotReads {
  private readonly routes: HotRoute[] = [];

  /** `path` matches the whole path (no query string); its groups become `params`. */
  register(path: RegExp, read: HotRead): void {
    this.routes.push({ path, read });
  }

  /** Whether a hot read could answer this request at all; cheap, so most requests skip `answer`. */
  mayAnswer(method: string, url: string): boolean {
    return (method === 'GET' || method === 'HEAD') && this.routes.length > 0 && !url.includes('?');
  }

  async answer(method: string, url: string): Promise<string | undefined> {
    if (!this.mayAnswer(method, url)) {
      return undefined;
    }
    for (const route of this.routes) {
      const match = route.path.exec(url);
      if (match) {
        return route.read(match.slice(1));
      }
    }
    return undefined;
  }
}
