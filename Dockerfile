# syntax=docker/dockerfile:1
# nato-brief: one process serving Slack, Teams and /healthz on $PORT.
# Build:  docker build -t nato-brief .
# Run:    docker run --rm -it -p 3000:3000 -v nato-brief-data:/app/data nato-brief      (console chat, no key)
#         cp .env.example .env   # fill it in, then:
#         docker run --rm -p 3000:3000 -v nato-brief-data:/app/data --env-file .env nato-brief
# A command: docker run --rm -v nato-brief-data:/app/data nato-brief nato-brief list

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: compile TypeScript, then keep production dependencies only -----------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Dependencies in their own layer: scripts off, or `prepare` would build before the sources are here; then the
# install scripts the project allows (package.json "allowScripts") run by themselves.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3 esbuild
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY bin ./bin
RUN npm run build && npm prune --omit=dev --ignore-scripts

# --- runtime: Node, Apertium and the compiled app, as a non-root user ------------------------------------
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends apertium apertium-fr-es apertium-eng-spa apertium-fra-cat apertium-eng-cat curl \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production PORT=3000 DATABASE_URL=sqlite:/app/data/nato-brief.db
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY package.json ./
COPY prompts ./prompts
COPY glossary ./glossary
COPY samples ./samples
# The EN↔FR lexicon of the fact guard, dumped once from Apertium's dictionaries (lt-print comes with lttoolbox-dev).
RUN apt-get update && apt-get install -y --no-install-recommends lttoolbox-dev apertium-eng-cat apertium-fra-cat \
  && node dist/src/infra/lexicon/build-cli.js && apt-get purge -y --auto-remove lttoolbox-dev \
  && rm -rf /var/lib/apt/lists/*
# `nato-brief` on the PATH: the compiled CLI (no sources in the image, so dist/ is the build).
RUN ln -s /app/bin/nato-brief.mjs /usr/local/bin/nato-brief && mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1
CMD ["node", "dist/src/main.js"]
