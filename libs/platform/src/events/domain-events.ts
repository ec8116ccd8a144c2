import { Injectable, OnModuleInit, SetMetadata } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

/** A fact one lib announces and others may react to: `<lib>.<past-tense-verb>`, e.g. `councils.motion-decided`. */
export interface DomainEvent {
  readonly type: string;
}

const ON_DOMAIN_EVENT = 'chartuloba:on-domain-event';

/**
 * Marks a provider method as a handler of `type`. Handlers run inside the publisher's transaction, so the
 * reaction (a petition answered because the council decided) commits or rolls back with its cause; slow or
 * external work in a handler belongs in a job.
 */
export const OnDomainEvent = (type: string) => SetMetadata(ON_DOMAIN_EVENT, type);

type Handler = (event: DomainEvent) => Promise<void> | void;

@Injectable()
export class DomainEvents implements OnModuleInit {
  private readonly handlers = new Map<string, Handler[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isDependencyTreeStatic() === false) {
        continue;
      }
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = instance[method];
        if (typeof handler !== 'function') {
          continue;
        }
        const type = this.reflector.get<string | undefined>(ON_DOMAIN_EVENT, handler as () => unknown);
        if (type) {
          this.subscribe(type, (event) => (handler as Handler).call(instance, event));
        }
      }
    }
  }

  subscribe(type: string, handler: Handler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  /** Delivers `event` to every handler, in the caller's transaction; a failing handler fails the action. */
  async publish<Event extends DomainEvent>(event: Event): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) {
      await handler(event);
    }
  }
}
