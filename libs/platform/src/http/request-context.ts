import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '../config/app-config';

/** Who is acting. Identity's user satisfies it; platform needs nothing more to audit and authorise. */
export interface Actor {
  id: string;
  label: string;
  roles: readonly string[];
}

export interface RequestContextData {
  requestId: string;
  locale: Locale;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** The current request's id, locale and actor, for code that is not handed the request (audit, mail). */
export const RequestContext = {
  run<T>(data: RequestContextData, work: () => T): T {
    return storage.run(data, work);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
