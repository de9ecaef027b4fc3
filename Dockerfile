# Runtime image of meeting-series-bridge. The shaded jar is built outside Docker first:
#
#   mvn -q -DskipTests package          # writes target/meeting-series-bridge.jar
#   docker build -t meeting-series-bridge .
#
# (No build stage: CI machines have no network inside a Docker build, and the jar is already the
# whole application: dependencies, application.properties and routes/ are packaged into it.)
FROM eclipse-temurin:17-jre

# A fixed, unprivileged uid/gid, so volume permissions and `runAsUser` policies can name it.
RUN groupadd --system --gid 10001 bridge \
 && useradd --system --uid 10001 --gid bridge --no-create-home --home-dir /app --shell /usr/sbin/nologin bridge

WORKDIR /app
# Owned by root (world-readable): the bridge user can run the jar but not change it.
COPY target/meeting-series-bridge.jar /app/meeting-series-bridge.jar
# The class-data archive (AppCDS) of this image's JVM and jar, made here: an archive serves only the JVM that made
# it, so target/'s is not copied. A training start that needs no broker or network and stops by itself (bounded).
RUN timeout 300 java -XX:ArchiveClassesAtExit=/app/meeting-series-bridge.jsa \
      -cp /app/meeting-series-bridge.jar io.meetingbridge.ArchiveTraining > /tmp/class-data-training.log 2>&1 \
 || { tail -n 40 /tmp/class-data-training.log; exit 1; }; rm -f /tmp/class-data-training.log

USER 10001:10001

# Camel Main's embedded HTTP server: /observe/metrics (Prometheus) and /observe/health.
# The port is set by the system property camel.management.port (the environment variable
# CAMEL_MANAGEMENT_PORT is not honoured); this default can be replaced through JAVA_TOOL_OPTIONS.
# The heap is sized from the container's memory limit here, not in ENTRYPOINT: a flag given on the
# command line would win over JAVA_TOOL_OPTIONS, and orchestrators could not change it.
ENV JAVA_TOOL_OPTIONS="-Dcamel.management.port=9876 -XX:MaxRAMPercentage=75"
EXPOSE 9876

# No HEALTHCHECK: the JRE image has no curl or wget. Orchestrators probe /observe/health on 9876
# themselves (Kubernetes httpGet probes; Prometheus's `up` metric in the compose stack).

# An OutOfMemoryError ends the JVM so the orchestrator
# restarts it instead of leaving a half-working consumer. Extra JVM flags (remote JMX, heap dumps)
# come in through JAVA_TOOL_OPTIONS. SIGTERM starts Camel's graceful shutdown
# (camel.main.shutdown-timeout, 30 s by default).
# The archive maps a start's classes instead of loading them one by one; -Xshare:auto runs without it if it is
# ever unusable.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/meeting-series-bridge.jsa", "-Xshare:auto", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-jar", "/app/meeting-series-bridge.jar"]
