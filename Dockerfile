# The whole product (API + built portal) in one image. Build from the repository root:
#   docker build -t little-museum-researcher .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.json ./
COPY packages/domain/package.json packages/domain/
COPY api/package.json api/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY packages packages
COPY api api
COPY web web
RUN npx turbo run build --output-logs=errors-only && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages/domain/package.json packages/domain/
COPY --from=build /app/packages/domain/dist packages/domain/dist
COPY --from=build /app/api/package.json api/
COPY --from=build /app/api/dist api/dist
COPY --from=build /app/api/src/database/seed/collection-sample.json api/src/database/seed/
COPY --from=build /app/web/dist web/dist
# The portal's persisted documents: the API runs public reads sent by GET from this list only.
COPY --from=build /app/web/src/gql/persisted-documents.json web/src/gql/
RUN mkdir -p /data && chown node:node /data
USER node
WORKDIR /app/api
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=64", "dist/main.js"]
