import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { escapeHtml } from '@platform/core';
import { clientAddress } from './authentication.middleware';
import { EmailChangesService } from './email-changes.service';
import { LoginLinksService } from './login-links.service';

/**
 * A page with one button that posts back to the same address. Mail scanners open links
 * to check them, and must not use up a single-use token: only the POST does.
 */
function buttonPage(res: Response, title: string, token: string): void {
  const safe = token.replace(/[^A-Za-z0-9_-]/g, '');
  res.setHeader('Cache-Control', 'no-store');
  res.type('html')
    .send(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><form method="post" action="${safe}"><button type="submit">${escapeHtml(title)}</button></form></body></html>`);
}

/** Where the link in a LOGIN_LINK mail leads. The POST answers the bearer token as JSON. */
@Controller('login-link')
export class LoginLinksController {
  constructor(private readonly links: LoginLinksService) {}

  @Get(':token')
  page(@Param('token') token: string, @Res() res: Response) {
    buttonPage(res, 'Log in', token);
  }

  @Post(':token')
  exchange(@Param('token') token: string, @Req() req: Request) {
    return this.links.exchange(token, clientAddress(req));
  }
}

/** Where the link in an EMAIL_CHANGE mail leads. The POST answers the new email as JSON. */
@Controller('email-change')
export class EmailChangesController {
  constructor(private readonly emailChanges: EmailChangesService) {}

  @Get(':token')
  page(@Param('token') token: string, @Res() res: Response) {
    buttonPage(res, 'Confirm the new email', token);
  }

  @Post(':token')
  async confirm(@Param('token') token: string, @Req() req: Request) {
    const user = await this.emailChanges.confirm(token, clientAddress(req));
    return { email: user.email };
  }
}
