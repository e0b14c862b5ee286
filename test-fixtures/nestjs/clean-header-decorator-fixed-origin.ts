// A NestJS controller that sets its CORS headers with @Header: one fixed front
// end may read the profile with the session cookie.
import { Controller, Get, Header, Req } from '@nestjs/common';
import type { Request } from 'express';

@Controller('profile')
export class ProfileController {
  @Get()
  @Header('Access-Control-Allow-Origin', 'https://app.example.com')
  @Header('Access-Control-Allow-Credentials', 'true')
  @Header('Cache-Control', 'no-store')
  show(@Req() request: Request) {
    return { user: (request as Request & { session?: { user?: string } }).session?.user ?? null };
  }
}
