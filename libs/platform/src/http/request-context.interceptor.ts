import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import type { PageRequest } from '../web/page-renderer';
import { RequestContext } from './request-context';

/** Runs each handler inside its request context, so audit rows and mail know the request id, actor and locale. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  constructor(private readonly i18n: I18nService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<PageRequest>();
    const data = {
      requestId: String(request.id),
      locale: request.locale ?? this.i18n.defaultLocale,
      actor: request.actor,
    };
    return new Observable((subscriber) =>
      RequestContext.run(data, () => next.handle().subscribe(subscriber)),
    );
  }
}
