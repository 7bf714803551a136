# The LIS server: API + built web app. Build: docker build -t lis .
# The build stage holds the whole workspace with every dependency; the image that runs holds only
# the server bundle, its third-party production dependencies and the built web app.
FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@12.4.2
WORKDIR /src
# Dependency layers first, so a change of sources does not download or install again: the
# packages come from the lockfile alone, the links from the workspace's manifests.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY package.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/openapi-types/package.json packages/openapi-types/
COPY bench/package.json bench/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile --offline
COPY . .
# React's production build; the server bundle compiles the @lis/* packages in (apps/api/scripts/build.mjs)
RUN NODE_ENV=production pnpm --filter @lis/web --filter @lis/api build
# /deploy: apps/api's bin/ and dist/ ("files") with node_modules of its production dependencies only,
# the web app, and the shipped reference data (`lis import statbank` finds its mapping above dist/)
RUN pnpm --filter @lis/api deploy --prod /deploy && cp -r apps/web/dist /deploy/web && cp -r reference /deploy/reference

FROM node:20-bookworm-slim
WORKDIR /app
# root owns the program; the unprivileged user the server runs as owns only the store's directory
COPY --from=build /deploy /app
RUN mkdir -p /app/data && chown node:node /app/data && ln -s /app/bin/lis.mjs /usr/local/bin/lis
# a container is reached through its published port, so it listens on every interface inside it
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LIS_WEB_DIST=/app/web
EXPOSE 3000
USER node
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/server.js"]
