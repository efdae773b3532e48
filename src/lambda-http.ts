import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { fetchHandler } from './serverless.js';

/**
 * AWS Lambda HTTP adapter (Function URL, API Gateway HTTP API or REST API): turns the Lambda event
 * into a web-standard Request for fetchHandler (the approval pages, /stats, /metrics, /healthz,
 * /readyz, POST/GET /tick) and its Response back. The scheduled tick is `handler` in serverless.ts.
 */
const app = new Hono().all('*', (c) => fetchHandler(c.req.raw));

export const httpHandler = handle(app);
