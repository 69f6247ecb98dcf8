import { Catch, HttpException, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodSerializationException, ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import type { ErrorBody, ErrorCode } from '@plenum/contracts';
import { databaseTrouble } from './database-busy';
import { PlenumError } from './plenum-error';
import { zodFieldErrors } from './zod-fields';

const statusCodes: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Answers every HTTP error as `{ code, message, details? }`; only 5xx is logged as an error. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const trouble = databaseTrouble(exception);
    const { status, body } = this.toBody(trouble ?? exception);
    if (trouble) {
      // Overload or an outage, not a bug: one line each without a stack, so a saturated or
      // cut-off server logs little.
      const cause = (exception as Error).message;
      this.logger.warn(
        { reqId: request.id, url: request.url, cause, code: trouble.code },
        trouble.code === 'BUSY' ? 'Database busy' : 'Database unavailable',
      );
    } else if (status >= 500) {
      this.logger.error(
        { err: exception, reqId: request.id, url: request.url },
        `Request ${request.id} failed: ${body.message}`,
      );
    }
    if (body.retryAfterMs !== undefined) {
      void reply.header('Retry-After', Math.ceil(body.retryAfterMs / 1000));
    }
    void reply.status(status).send(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof PlenumError) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.extra.retryAfterMs !== undefined)
        body.retryAfterMs = exception.extra.retryAfterMs;
      if (exception.extra.fields || exception.extra.details) {
        body.details = { ...exception.extra.details, fields: exception.extra.fields };
      }
      return { status: exception.status, body };
    }
    if (exception instanceof ZodValidationException) {
      const error = exception.getZodError();
      const fields = error instanceof ZodError ? zodFieldErrors(error) : [];
      return {
        status: 422,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Some fields are not valid',
          details: { fields },
        },
      };
    }
    if (exception instanceof ZodSerializationException) {
      // The answer did not match the route's response schema: a bug on our side, logged above.
      return {
        status: 500,
        body: { code: 'INTERNAL', message: 'Something went wrong on our side' },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message = status === 404 ? 'Not found' : exception.message;
      return { status, body: { code: statusCodes[status] ?? 'BAD_REQUEST', message } };
    }
    // Errors thrown by Fastify itself (bad JSON, body too large, unknown content type).
    const fastifyStatus = (exception as { statusCode?: unknown }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        status: fastifyStatus,
        body: {
          code: statusCodes[fastifyStatus] ?? 'BAD_REQUEST',
          message: (exception as Error).message || 'Bad request',
        },
      };
    }
    return { status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side' } };
  }
}
