# syntax=docker/dockerfile:1
# One image for every Grove service: `router` (the default command) or a subgraph name (account, license,
# app-manage, domain, sdk, rule-engine, analytics); infra/docker-entrypoint.sh picks the entry file. Services run
# the JavaScript `npm run build` compiles into each workspace's dist/ (docs/adr/0008), not their TypeScript
# through @swc-node/register: the stages below install production dependencies once, build, and copy both
# onto a slim runtime.
#   docker build -t grove .            docker run -e ... grove account
ARG NODE_VERSION=20.20

# Only the package manifests, so the dependency layer is rebuilt when they change, not on every edit.
FROM node:${NODE_VERSION}-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests \; \
 && cp package-lock.json /manifests/

# Production dependencies. The full Debian image has python3, make and g++ for native addons
# (better-sqlite3) when no prebuilt binary matches; the runtime image does not need them.
FROM node:${NODE_VERSION}-bookworm AS deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# SWC (a production dependency: `npm start` uses it) compiles src/ to dist/ beside it; tests are not compiled.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY --from=deps /app/ ./
COPY . .
RUN npm run build -- --no-console

# The web console (console/, served by the router at /console): Vite and React are build-time tools, so this stage
# installs every dependency, builds console/dist (with .br/.gz beside each file) and only that goes to the runtime.
FROM node:${NODE_VERSION}-bookworm AS console
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build:console

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    LOG_PRETTY=false \
    DATA_DIR=/app/data
WORKDIR /app
# Code and dependencies belong to root and are read-only for the service user.
COPY --from=build /app/ ./
COPY --from=console /app/console/dist/ ./console/dist/
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000 4101 4102 4103 4104 4105 4106
# The entry point writes the started service's /healthz URL; readiness (/readyz) is for orchestrators.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(require('fs').readFileSync((process.env.TMPDIR||'/tmp')+'/grove-healthz-url','utf8').trim()).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["sh", "/app/infra/docker-entrypoint.sh"]
CMD ["router"]
