import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import helmet from 'helmet';
import { Logger, type Params, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { AllExceptionsFilter, requestIdOf, toErrorBody } from '../common/errors/all-exceptions.filter';
import { AppException } from '../common/errors/app-exception';
import { requestLogging } from '../common/http/logger-options';
import { createValidationPipe } from '../common/http/validation';
import { csrfMiddleware, CsrfTokens } from '../common/security/csrf';
import type { AppConfig } from '../config/config';
import { JWKS_PATH } from '../modules/certification/jwks.controller';

export const API_PREFIX = 'api';

/** Body-parser and CSRF failures happen before Nest's filters, so they get the common error shape here. */
function earlyErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  const type = (err as { type?: string }).type;
  const mapped =
    type === 'entity.parse.failed'
      ? new AppException(400, 'INVALID_JSON', 'The request body is not valid JSON')
      : type === 'entity.too.large'
        ? new AppException(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large')
        : err;
  const { status, body } = toErrorBody(mapped, requestIdOf(req));
  res.status(status).json(body);
}

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
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: [JWKS_PATH] });
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(requestLogging(app.get<Params>(PARAMS_PROVIDER_TOKEN)));
  app.use(
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
    }),
  );
  app.use(cookieParser());
  app.use(express.json({ limit: config.bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: config.bodyLimit }));
  app.use(`/${API_PREFIX}`, csrfMiddleware(app.get(CsrfTokens)));
  app.use(earlyErrorHandler);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, buildOpenApi(app), { jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json` });
  serveWebApp(app, config.webDist);
}

/** The built React app at `/`, with index.html for every non-API path (client-side routes). */
function serveWebApp(app: NestExpressApplication, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return;
  const assets = express.static(dist, { index: false, maxAge: '1h', setHeaders: immutableAssets });
  const isApi = (req: Request) => req.path.startsWith(`/${API_PREFIX}/`) || req.path === `/${API_PREFIX}` || req.path === `/${JWKS_PATH}`;
  // API requests skip the file system entirely: a stat per request costs more than the request.
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApi(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function immutableAssets(res: Response, file: string): void {
  if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
