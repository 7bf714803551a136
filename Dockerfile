# The LIS server: API + built web app. Build: docker build -t lis .
FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@12.4.2
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @lis/web build && pnpm --filter @lis/api build

FROM node:20-bookworm-slim
RUN npm install -g pnpm@12.4.2
WORKDIR /app
COPY --from=build /app /app
# a container is reached through its published port, so it listens on every interface inside it
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
EXPOSE 3000
# the embedded store's directory belongs to the unprivileged user the server runs as
RUN mkdir -p /app/data && chown node:node /app/data
USER node
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "apps/api/dist/server.js"]
