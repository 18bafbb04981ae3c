# syntax=docker/dockerfile:1
# The line above selects the Dockerfile 1.x frontend, which the cache mounts below need.
# It works with BuildKit, the default builder of Docker 23+ and of `docker compose build`.
# With the legacy builder (DOCKER_BUILDKIT=0) remove the `--mount=...` options.
#
#   docker build -t sms-engine .
#   docker run -p 8080:8080 -e SPRING_DATASOURCE_URL=... -e SPRING_DATA_REDIS_URL=... sms-engine

# ---------------------------------------------------------------- build stage
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# 1. Wrapper and pom alone, so that this step runs again only when they change. It fetches
#    Maven 3.9.11 (the wrapper) and most dependencies into ~/.m2: with BuildKit into the
#    cache mount, kept between builds; without the mounts, into this layer.
#    go-offline does not fetch everything (some plugin dependencies are resolved only when
#    the plugin runs); the package step below fetches the rest.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# 2. Everything else that .dockerignore lets through: src/ and the classpath folders
#    jobs/, state-machine-config/ and sql/. Copying the whole context, not each folder,
#    keeps the build working when a folder is absent (Git does not keep an empty
#    state-machine-config/); Maven skips a missing resource folder.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package

# -------------------------------------------------------------- runtime stage
FROM eclipse-temurin:17-jre

# A fixed non-root uid/gid (not 1000: Ubuntu 24.04 based images already have a user "ubuntu" there).
RUN groupadd --system --gid 10001 sms \
    && useradd --system --uid 10001 --gid sms --home-dir /app --no-create-home --shell /usr/sbin/nologin sms

WORKDIR /app
COPY --from=build /workspace/target/sms-engine.jar /app/sms-engine.jar

# Read by the JVM itself, so the exec-form ENTRYPOINT needs no shell.
# Override it to add flags (e.g. -Xlog:gc, a debugger agent); keep MaxRAMPercentage.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
EXPOSE 8080

# curl is part of the eclipse-temurin Ubuntu images. The start period covers the
# Flyway migrations at start-up.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1

ENTRYPOINT ["java", "-jar", "/app/sms-engine.jar"]
