package io.meetingbridge.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.ChildJvm;
import io.meetingbridge.testing.FreePort;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/run-bridge} as an operator runs it, with no broker reachable: the class-data archive {@code mvn package}
 * made next to the jar serves the start, and a missing, corrupt or foreign archive never stops the bridge.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClassDataArchiveIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path LAUNCHER = Path.of("bin", "run-bridge").toAbsolutePath();
    /** A JVM and Camel starting on a loaded 2-core machine, until the health endpoint answers. */
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(60);
    /** Without the archive only the JDK's own archive serves a start: about an eighth of its classes. */
    private static final double SHARE_FROM_ARCHIVES = 0.8;

    @TempDir
    Path dir;
    private int managementPort;

    @Test
    void theArchiveServesMostClassesOfAStart() throws Exception {
        Path classes = dir.resolve("class-load.txt");
        ChildJvm bridge = launch(packagedJar(), "-Xlog:class+load:file=" + classes);
        try {
            awaitLive(bridge);
        } finally {
            bridge.terminate(STOP);
        }
        List<String> loaded = Files.readAllLines(classes);
        long shared = loaded.stream().filter(line -> line.contains("source: shared objects file")).count();
        long fromTop = loaded.stream().filter(line -> line.contains("source: shared objects file (top)")).count();
        System.out.printf("Classes loaded by a start: %d, from the archives %d (the bridge's %d, the JDK's %d)%n",
                loaded.size(), shared, fromTop, shared - fromTop);
        assertThat(shared).as("classes mapped from the archives, of %d loaded", loaded.size())
                .isGreaterThan((long) (loaded.size() * SHARE_FROM_ARCHIVES));
    }

    /**
     * missing: none next to the jar; corrupt: not an archive. One made for another jar file fails the JVM's class
     * path check instead and started as well when it was tried; it is left out because each case is a whole start.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing", "corrupt"})
    void withoutAUsableArchiveTheBridgeStillComesUp(String archive) throws Exception {
        Path jar = Files.copy(packagedJar(), dir.resolve("meeting-series-bridge.jar"));
        Path nextToIt = dir.resolve("meeting-series-bridge.jsa");
        if (archive.equals("corrupt")) {
            byte[] noise = new byte[64 * 1024];
            new Random(18).nextBytes(noise);
            Files.write(nextToIt, noise);
        }
        ChildJvm bridge = launch(jar, "");
        try {
            awaitLive(bridge);
        } finally {
            bridge.terminate(STOP);
        }
    }

    private ChildJvm launch(Path jar, String jvmOptions) {
        managementPort = FreePort.loopback();
        String settings = "-Dkafka.bootstrap-servers=127.0.0.1:" + FreePort.loopback()
                + " -Dcamel.management.port=" + managementPort;
        return ChildJvm.launch("bridge-by-launcher", List.of(LAUNCHER.toString()),
                Map.of("BRIDGE_JAR", jar.toString(), "JAVA_HOME", System.getProperty("java.home"),
                        "JAVA_OPTS", jvmOptions + " " + settings), dir.resolve("bridge.log"), dir);
    }

    private void awaitLive(ChildJvm bridge) {
        URI live = URI.create("http://127.0.0.1:" + managementPort + "/observe/health/live");
        Awaitility.await("live").atMost(START).ignoreExceptionsInstanceOf(ConnectException.class)
                .until(() -> {
                    assertThat(bridge.isAlive()).as("the bridge runs").isTrue();
                    return HTTP.send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                });
    }

    private static Path packagedJar() {
        return Path.of(System.getProperty("bridge.jar")).toAbsolutePath();
    }
}
