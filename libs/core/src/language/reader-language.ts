import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { languageFromAcceptLanguage, LanguageCode, requestedLanguage } from './language';

/**
 * The language an HTTP download is written in: `?lang=en|ru|uz` (anything else refused,
 * naming `lang`), else the one the Accept-Language header prefers, else English. The same
 * choice GraphQL makes (see readerLanguage), for PDFs, CSV, calendars and verification.
 */
export const ReaderLanguage = createParamDecorator(
  (_: unknown, context: ExecutionContext): LanguageCode => {
    const req = context.switchToHttp().getRequest<Request>();
    const lang: unknown = req.query.lang;
    // `?lang=ru&lang=uz` arrives as a list: refused like any other value that is not ours.
    return requestedLanguage(
      typeof lang === 'string' || lang === undefined ? lang : '',
      'lang',
      languageFromAcceptLanguage(req.headers['accept-language']),
    );
  },
);
