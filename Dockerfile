# syntax=docker/dockerfile:1
# The trinity command line in a container.
#   docker build -t trinity-java .            (or: make docker-build)
#   docker compose up -d                      (trinity + Ollama + Redis; make docker-run)
#   docker build --target chromium -t trinity-java:chromium .   (with Chromium for screenshots)

# --- build: the Maven Wrapper on a JDK --------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl trinity-cli -am package -DskipTests

# --- runtime: the executable jar on a JRE, as a non-root user ---------------------------------
FROM eclipse-temurin:17-jre AS runtime
RUN groupadd --system trinity \
 && useradd --system --gid trinity --home-dir /app --shell /usr/sbin/nologin trinity \
 && mkdir -p /app/output /app/.cache /app/logs /app/config \
 && printf '#!/bin/sh\nexec java $JAVA_OPTS -jar /app/trinity.jar "$@"\n' > /usr/local/bin/trinity \
 && chmod 755 /usr/local/bin/trinity
WORKDIR /app
COPY --from=build /src/trinity-cli/target/trinity.jar /app/trinity.jar
COPY docker/trinity.yaml /app/config/trinity.yaml
COPY trinity-examples/src/main/resources/samples /app/samples
RUN chown -R trinity:trinity /app
ENV TRINITY_CONFIG=/app/config/trinity.yaml \
    LLM_PROVIDER=ollama \
    LLM_API_URL=http://ollama:11434 \
    LLM_MODEL=llama3.2:3b \
    CACHE_DIR=/app/.cache/llm \
    CACHE_REDIS_HOST=redis \
    CACHE_REDIS_PORT=6379 \
    CACHE_REDIS_DB=0 \
    LOG_PROFILE=production \
    LOG_DIR=/app/logs \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
VOLUME ["/app/output", "/app/.cache"]
USER trinity
HEALTHCHECK --interval=30s --timeout=10s --start-period=10s --retries=3 \
  CMD ["trinity", "doctor", "--quick"]
ENTRYPOINT ["trinity"]
CMD ["build-all", "/app/samples", "--out", "/app/output"]

# --- chromium: the runtime plus Chromium and chromedriver (browser layout checks, screenshots) --
# Debian, because Ubuntu (under eclipse-temurin) ships Chromium only as a snap.
FROM debian:bookworm-slim AS chromium
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless chromium chromium-driver fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system trinity \
 && useradd --system --gid trinity --home-dir /app --shell /usr/sbin/nologin trinity \
 && printf '#!/bin/sh\nexec java $JAVA_OPTS -jar /app/trinity.jar "$@"\n' > /usr/local/bin/trinity \
 && chmod 755 /usr/local/bin/trinity
COPY --from=runtime --chown=trinity:trinity /app /app
WORKDIR /app
ENV TRINITY_CONFIG=/app/config/trinity.yaml \
    LLM_PROVIDER=ollama \
    LLM_API_URL=http://ollama:11434 \
    LLM_MODEL=llama3.2:3b \
    CACHE_DIR=/app/.cache/llm \
    CACHE_REDIS_HOST=redis \
    CACHE_REDIS_PORT=6379 \
    CACHE_REDIS_DB=0 \
    LOG_PROFILE=production \
    LOG_DIR=/app/logs \
    CHROME_BIN=/usr/bin/chromium \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.concurrent.ForkJoinPool.common.parallelism=2"
VOLUME ["/app/output", "/app/.cache"]
USER trinity
HEALTHCHECK --interval=30s --timeout=10s --start-period=10s --retries=3 \
  CMD ["trinity", "doctor", "--quick"]
ENTRYPOINT ["trinity"]
CMD ["build-all", "/app/samples", "--out", "/app/output"]

# The default image is the runtime stage.
FROM runtime
