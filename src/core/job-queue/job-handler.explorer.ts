import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { JobContext, JOB_HANDLER_METADATA } from './job-handler.decorator';
import { JobName } from './job-registry';

export type BoundJobHandler = (payload: unknown, context: JobContext) => Promise<void>;

interface FoundHandler {
  name: string;
  owner: string;
  run: BoundJobHandler;
}

/** Finds the `@JobHandler` methods of every provider and checks that each JobName has exactly one. */
@Injectable()
export class JobHandlerExplorer {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  explore(): Map<JobName, BoundJobHandler> {
    const byName = new Map<string, FoundHandler[]>();
    for (const found of this.findHandlers())
      byName.set(found.name, [...(byName.get(found.name) ?? []), found]);

    const known = new Set<string>(Object.values(JobName));
    const problems: string[] = [];
    for (const name of known) {
      const handlers = byName.get(name) ?? [];
      if (handlers.length === 0) {
        problems.push(
          `job "${name}" has no @JobHandler (it must be on a singleton provider of an imported module)`,
        );
      } else if (handlers.length > 1) {
        problems.push(
          `job "${name}" has ${handlers.length} handlers (${handlers.map((h) => h.owner).join(', ')}); exactly one is allowed`,
        );
      }
    }
    for (const [name, handlers] of byName) {
      if (!known.has(name))
        problems.push(`@JobHandler("${name}") on ${handlers[0].owner} names no JobName member`);
    }
    if (problems.length > 0)
      throw new Error(`Job handlers are misconfigured:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

    return new Map([...byName].map(([name, handlers]) => [name as JobName, handlers[0].run]));
  }

  private findHandlers(): FoundHandler[] {
    const found: FoundHandler[] = [];
    const seen = new Set<object>(); // aliases (useExisting) expose one instance under two tokens
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      // Request-scoped providers have no instance to call at boot; a handler on one counts as missing.
      if (
        !instance ||
        typeof instance !== 'object' ||
        !wrapper.isDependencyTreeStatic() ||
        seen.has(instance)
      )
        continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const target = prototype[method];
        const name: unknown =
          typeof target === 'function' ? Reflect.getMetadata(JOB_HANDLER_METADATA, target) : undefined;
        if (typeof name !== 'string') continue;
        const callable = instance as Record<string, BoundJobHandler>;
        found.push({
          name,
          owner: `${instance.constructor.name}.${method}`,
          run: (payload, context) => callable[method](payload, context),
        });
      }
    }
    return found;
  }
}
