import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  APP_CONFIG,
  AppConfig,
  LanguageCode,
  RateLimits,
  RateRule,
  ReaderLanguage,
} from '@platform/core';
import { Verification, VerificationService } from './verification.service';

/**
 * Whether a certificate stands, as JSON, for anyone holding its code. A browser that
 * opens /verify/<code> (the address in the QR code) gets the web app instead, whose
 * verification page asks here with its language: `?lang=en|ru|uz`, else the
 * Accept-Language header. The event is told in that language, and the holder's name in
 * its script. No login; rate limited per client address so codes cannot be enumerated.
 */
@Controller('verify')
export class VerificationController {
  private readonly perClient: RateRule;

  constructor(
    private readonly verification: VerificationService,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.perClient = {
      name: 'verify-client',
      points: config.verification.rateLimitPerMinute,
      windowSeconds: 60,
    };
  }

  @Get(':code')
  async verify(
    @Param('code') code: string,
    @ReaderLanguage() language: LanguageCode,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Robots-Tag', 'noindex');
    const wait = await this.limits.take(this.perClient, req.ip ?? 'unknown');
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      res.status(429).json({ error: 'Too many verification requests; try again later.' });
      return;
    }
    const result: Verification = await this.verification.verify(code.slice(0, 100), language);
    res.status(result.status === 'unknown' ? 404 : 200).json(result);
  }
}
