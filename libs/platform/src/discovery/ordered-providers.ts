import type { DiscoveryService, Reflector } from '@nestjs/core';

/** Every provider instance marked with `metadataKey` (its value the order), lowest order first. */
export function orderedProviders<T>(
  discovery: DiscoveryService,
  reflector: Reflector,
  metadataKey: string,
): Array<{ instance: T; name: string; order: number }> {
  return discovery
    .getProviders()
    .filter((wrapper) => wrapper.metatype && wrapper.instance)
    .map((wrapper) => ({
      instance: wrapper.instance as T,
      name: wrapper.name,
      order: reflector.get<number | undefined>(metadataKey, wrapper.metatype as () => unknown),
    }))
    .filter((entry): entry is { instance: T; name: string; order: number } => entry.order !== undefined)
    .sort((a, b) => a.order - b.order);
}
