// A NestJS controller that sets its CORS headers with @Header instead of
// enableCors. The profile is read with the session cookie, but the origin is
// '*': browsers refuse credentialed responses with a wildcard origin.
import { Controller, Get, Header, Req } from '@nestjs/common';
import type { Request } from 'express';

@Controller('profile')
export class ProfileController {
  @Get()
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Access-Control-Allow-Credentials', 'true')
  @Header('Cache-Control', 'no-store')
  show(@Req() request: Request) {
    return { user: (request as Request & { session?: { user?: string } }).session?.user ?? null };
  }
}
