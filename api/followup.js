// Vercel function: every path goes to followup's web-standard handler (the approval pages, /stats,
// /metrics, /healthz, /readyz) and Vercel Cron calls GET /tick with "Authorization: Bearer $CRON_SECRET".
// Set FOLLOWUP_CONFIG=followup.yaml, DATABASE_URL (PostgreSQL), CRON_SECRET, FOLLOWUP_WEB_SECRET and
// FOLLOWUP_ENCRYPTION_KEY in the project's environment. See README, "Deployment" (Vercel).
import { fetchHandler } from '../dist/bundle/serverless.js';

export const GET = fetchHandler;
export const POST = fetchHandler;
