import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, countryName, RateLimiter } from '@platform/core';
import { Verification, VerificationService } from './verification.service';
import { PageLanguage, verificationPage } from './verification.page';

/**
 * The public page a certificate's QR code points to. No login; rate limited per
 * client address so codes cannot be enumerated.
 */
@Controller('verify')
export class VerificationController {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly verification: VerificationService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new RateLimiter(config.verification.rateLimitPerMinute, 60_000);
  }

  @Get(':code')
  async verify(@Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Robots-Tag', 'noindex');
    const wait = this.limiter.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
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
