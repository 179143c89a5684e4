# syntax=docker/dockerfile:1.7
# One image recipe for every app; the APP build argument picks the entry point:
#   docker build --build-arg APP=query-api -t project-ledger/query-api .
# Runs dist/apps/$APP/src/main.js (the layout `npm run build` writes with swc).

ARG NODE_IMAGE=node:20.19.5-bookworm-slim

# ---- dependencies: all of them, for the build ------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 and protobufjs have install steps; the toolchain is the fallback when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- build: compile every app and lib with swc, then drop dev dependencies -------------------------------
FROM deps AS build
COPY tsconfig.json .swcrc nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: no compiler, no sources, not root ----------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG APP=standalone
# NODE_OPTIONS: the flags of apps/standalone/src/node-flags.ts (a heap limit that keeps V8's heap growth near
# what is live; see docs/performance.md, memory).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=1536 \
    APP=${APP} \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
# The official image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
VOLUME ["/app/data"]
# Liveness only: readiness (/health/ready) is for load balancers, a restart would not fix a down dependency.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# exec replaces the shell, so node is PID 1 and gets the SIGTERM of `docker stop` (graceful shutdown).
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
