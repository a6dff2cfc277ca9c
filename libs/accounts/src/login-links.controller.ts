import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { LoginLinksService } from './login-links.service';

/**
 * Where the link in the mail leads. GET only shows a button: mail scanners open links
 * to check them, and must not use up a single-use token. The POST exchanges it.
 */
@Controller('login-link')
export class LoginLinksController {
  constructor(private readonly links: LoginLinksService) {}

  @Get(':token')
  page(@Param('token') token: string, @Res() res: Response) {
    const safe = token.replace(/[^A-Za-z0-9_-]/g, '');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html')
      .send(`<!doctype html><html><head><meta charset="utf-8"><title>Log in</title></head>
<body><form method="post" action="${safe}"><button type="submit">Log in</button></form></body></html>`);
  }

  /** Answers the bearer token as JSON, for the client that posts the form. */
  @Post(':token')
  exchange(@Param('token') token: string) {
    return this.links.exchange(token);
  }
}
