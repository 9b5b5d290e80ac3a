import { HttpStatus, type INestApplication } from '@nestjs/common';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, type Params, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { AppException } from '../common/errors/app-exception';
import { BINARY_BODY_LIMIT, BINARY_TYPES, takesBinaryBody } from '../common/http/binary-body';
import { nulInUrl, parseJsonBody } from '../common/http/hostile-input';
import { requestLogging } from '../common/http/logger-options';
import { createValidationPipe } from '../common/http/validation';
import { csrfCheck, CsrfTokens } from '../common/security/csrf';
import type { AppConfig } from '../config/config';
import { SESSION_COOKIE } from '../modules/auth/session-cookie';
import { JWKS_PATH } from '../modules/certification/jwks.controller';
import { compressResponses, serveWebApp } from './web-app';

export const API_PREFIX = 'api';

const isApiPath = (url: string) => url === `/${API_PREFIX}` || url.startsWith(`/${API_PREFIX}/`) || url.startsWith(`/${API_PREFIX}?`) || url.startsWith(`/${JWKS_PATH}`);

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Bình dân học vụ số API')
    .setDescription('Open learning platform for digital literacy. Errors: { code, message, details, requestId }.')
    .setVersion('0.1.0')
    .addCookieAuth('sid')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }, 'csrf')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Everything around the routes: headers, parsing, CSRF, validation, errors, docs and the web app. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: [JWKS_PATH] });
  requestLogging(fastify, app.get<Params>(PARAMS_PROVIDER_TOKEN));
  await compressResponses(app);
  const headers = securityHeaders(config);
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    reply.headers(headers);
    done(nulInUrl(req.url));
  });
  await app.register(fastifyCookie);
  acceptJsonBodies(fastify);
  // After parsing, before any guard: a forged write never reaches the rate limiter or a handler.
  const csrf = csrfCheck(app.get(CsrfTokens), SESSION_COOKIE);
  fastify.addHook('preValidation', (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => done(csrf(req)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  if (config.apiDocs) SwaggerModule.setup(`${API_PREFIX}/docs`, app, buildOpenApi(app), { jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json` });
  // `reply.sendFile` for course media; the files are found per course, so nothing is served from here.
  await app.register(fastifyStatic, { root: config.contentDir, serve: false });
  await serveWebApp(app, config.webDist, isApiPath);
}

/**
 * Helmet's headers (CSP and the rest), worked out once: they are the same for every response, and
 * building them per request (as @fastify/helmet does) costs more than a lesson read's own work.
 */
function securityHeaders(config: AppConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  const collect = { setHeader: (name: string, value: unknown) => (headers[name] = String(value)), removeHeader: () => undefined };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.session.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  })({} as IncomingMessage, collect as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * JSON bodies, and raw bytes (zip, octet-stream) for the studio's uploads only; an empty body counts as `{}` as browsers send a
 * bare PUT. Parse failures, bodies nested to exhaust the validator and NUL characters get the
 * common error shape (`parseJsonBody`), not Fastify's nor a 500.
 */
function acceptJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    try {
      done(null, parseJsonBody(String(body)));
    } catch (err) {
      done(err as Error);
    }
  });
  fastify.addContentTypeParser([...BINARY_TYPES], { parseAs: 'buffer', bodyLimit: BINARY_BODY_LIMIT }, (req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    if (!takesBinaryBody(req.url)) done(new AppException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json)'));
    else done(null, body);
  });
}
