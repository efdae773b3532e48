# followup in a container: `serve` runs the worker on its schedule and the approval pages.
# Build: docker build -t followup .   Run: see deploy/compose/compose.yaml and README, "Deployment".
# tests/deploy/dockerfile.test.ts parses this file and runs its install, build and start commands.

# 1. Build: compile TypeScript, pack the package as npm would publish it, install that with
#    production dependencies only. No compiler needed: on Node 22 the store uses better-sqlite3 13's
#    prebuilt binary, and --omit=optional leaves out better-sqlite3 12 (Node 20's driver, compiled).
FROM node:22-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm pack --pack-destination /tmp
WORKDIR /app
RUN echo '{"name":"followup-app","private":true}' > package.json && npm install --omit=dev --omit=optional --no-audit --no-fund /tmp/followup-*.tgz

# 2. Run: the slim image, the production install only, as the unprivileged `node` user.
FROM node:22-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787 FOLLOWUP_CONFIG=/config/followup.yaml
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data /config && chown node:node /data /config
USER node
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "/app/node_modules/followup/bin/followup.js"]
CMD ["serve"]
