import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { Inject } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { EmailLinkRequested, InvitationDetails, LoginResponse } from '@plenum/contracts';
import { Public } from './access.decorators';
import type { AuthenticatedRequest } from './access.decorators';
import { AuthService } from './auth.service';
import type { SignedIn } from './auth.service';
import {
  AcceptInvitationDto,
  EmailLinkRequestDto,
  EmailLinkRequestedDto,
  InvitationDetailsDto,
  InvitationTokenDto,
  LoginDto,
  LoginResponseDto,
  PasswordResetDto,
  SignInLinkDto,
} from './identity.dto';
import { EmailLinksService } from './email-links.service';
import { InvitationsService } from './invitations.service';
import { AccessTokenService } from './access-token.service';

export const REFRESH_COOKIE = 'plenum_refresh';
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: AccessTokenService,
    private readonly invitations: InvitationsService,
    private readonly emailLinks: EmailLinksService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  @Public()
  @Post('login')
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async login(
    @Body() body: LoginDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const signedIn = await this.auth.login(body, request.ip, request.headers['user-agent']);
    return this.respond(reply, signedIn);
  }

  @Public()
  @Post('refresh')
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async refresh(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    try {
      return this.respond(reply, await this.auth.refresh(request.cookies[REFRESH_COOKIE]));
    } catch (err) {
      this.clearCookie(reply);
      throw err;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out; the refresh cookie is cleared' })
  async logout(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    // A token is optional here: logging out must work with an expired access token.
    let sessionId: string | undefined;
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer)
      sessionId = await this.tokens.verify(bearer).then(
        (p) => p.sessionId,
        () => undefined,
      );
    await this.auth.logout(request.cookies[REFRESH_COOKIE], sessionId);
    this.clearCookie(reply);
  }

  @Public()
  @Post('invitations/accept')
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async acceptInvitation(
    @Body() body: AcceptInvitationDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const signedIn = await this.auth.acceptInvitation(
      body.token,
      body.password,
      request.headers['user-agent'],
    );
    return this.respond(reply, signedIn);
  }

  /** The token travels in the body, never in a URL that logs and proxies keep. */
  @Public()
  @Post('invitations/lookup')
  @ZodResponse({ status: 200, type: InvitationDetailsDto })
  invitation(@Body() body: InvitationTokenDto): Promise<InvitationDetails> {
    return this.invitations.details(body.token);
  }

  @Public()
  @Post('invitations/decline')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The invitation is declined' })
  async declineInvitation(@Body() body: InvitationTokenDto): Promise<void> {
    await this.invitations.decline(body.token);
  }

  /** Sends a reset link to the address if it has an account; the answer is the same if not. */
  @Public()
  @Post('password-reset/request')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: EmailLinkRequestedDto })
  async requestPasswordReset(
    @Body() body: EmailLinkRequestDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<EmailLinkRequested> {
    await this.emailLinks.request('password-reset', body.email, request.ip);
    return { accepted: true };
  }

  /** Sets a new password with a reset link; every other sign-in of the account ends. */
  @Public()
  @Post('password-reset')
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async resetPassword(
    @Body() body: PasswordResetDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const signedIn = await this.emailLinks.resetPassword(
      body.token,
      body.password,
      request.headers['user-agent'],
    );
    return this.respond(reply, signedIn);
  }

  /** Sends a sign-in link to the address if it has an account; the answer is the same if not. */
  @Public()
  @Post('sign-in-link/request')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: EmailLinkRequestedDto })
  async requestSignInLink(
    @Body() body: EmailLinkRequestDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<EmailLinkRequested> {
    await this.emailLinks.request('sign-in', body.email, request.ip);
    return { accepted: true };
  }

  @Public()
  @Post('sign-in-link')
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async signInWithLink(
    @Body() body: SignInLinkDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const signedIn = await this.emailLinks.signIn(body.token, request.headers['user-agent']);
    return this.respond(reply, signedIn);
  }

  private respond(reply: FastifyReply, signedIn: SignedIn): LoginResponse {
    if (signedIn.refreshToken) {
      void reply.setCookie(REFRESH_COOKIE, signedIn.refreshToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.config.cookieSecure,
        path: COOKIE_PATH,
        maxAge: this.config.refreshTokenTtlDays * 86_400,
      });
    }
    return {
      accessToken: signedIn.accessToken,
      expiresInSeconds: signedIn.expiresInSeconds,
      user: signedIn.user,
    };
  }

  private clearCookie(reply: FastifyReply): void {
    void reply.clearCookie(REFRESH_COOKIE, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
    });
  }
}
