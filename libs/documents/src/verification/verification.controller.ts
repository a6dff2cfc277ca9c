import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, countryName, RateLimits, RateRule } from '@platform/core';
import { Verification, VerificationService } from './verification.service';
import { PageLanguage, verificationPage } from './verification.page';

/**
 * The public page a certificate's QR code points to. No login; rate limited per
 * client address so codes cannot be enumerated.
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
  async verify(@Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Robots-Tag', 'noindex');
    const wait = await this.limits.take(this.perClient, req.ip ?? 'unknown');
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      res.status(429).json({ error: 'Too many verification requests; try again later.' });
      return;
    }
    const result: Verification = await this.verification.verify(code.slice(0, 100));
    res.status(result.status === 'unknown' ? 404 : 200);
    if (req.accepts(['html', 'json']) === 'json') {
      res.json(result);
    } else {
      const language = req.acceptsLanguages('en', 'ru', 'uz') || 'en';
      res.type('html').send(verificationPage(result, language as PageLanguage, countryName));
    }
  }
}
