/** Which app this process is: the api serves HTTP, the worker runs BullMQ processors, the cli runs one command. */
export type PlatformRole = 'api' | 'worker' | 'cli';

export const PLATFORM_ROLE = Symbol('PLATFORM_ROLE');
