package io.meetingbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.ChangeValidator;
import io.meetingbridge.change.InvalidChangeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The training start of the class-data archive ({@code mvn package} runs it with
 * {@code -XX:ArchiveClassesAtExit}): the bridge as {@code java -jar} starts it, against a broker that is not
 * there, so no broker is needed. It loads what a real start loads (the context, the routes, the Kafka
 * clients, the management server, the health checks and metrics, Jackson and the change schema), then stops
 * by itself; the JVM writes the archive as it exits.
 */
public final class ArchiveTraining {

    /** Long enough for a loaded 2-core build machine; the build must never wait longer. */
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String READY = "/observe/health/ready";
    private static final String SCHEMA = "/schema/meeting-change.schema.json";

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        int managementPort = freePort();
        Main main = BridgeMain.newMain();
        // a port nobody listens on: the clients start and retry as they would while a broker is down
        main.addOverrideProperty("kafka.bootstrap-servers", "127.0.0.1:" + freePort());
        main.addOverrideProperty("camel.management.port", Integer.toString(managementPort));
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI ready = URI.create("http://127.0.0.1:" + managementPort + READY);
            // the consumer reports on readiness once its thread has made its Kafka client and tried the broker
            while (!get(http, ready).contains("KafkaConsumer is not ready")) {
                if (System.nanoTime() > deadline || !context.isStarted()) {
                    throw new IllegalStateException("the training start did not come up within " + LIMIT.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
            get(http, URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics"));
            validateSchemaExamples();
        } finally {
            main.stop();
        }
        System.exit(0);
    }

    /** Parses and validates each example of the published schema, as a change read from the input is. */
    private static void validateSchemaExamples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode schema;
        try (InputStream in = ArchiveTraining.class.getResourceAsStream(SCHEMA)) {
            schema = json.readTree(in);
        }
        ChangeParser parser = new ChangeParser();
        ChangeValidator validator = new ChangeValidator();
        for (JsonNode example : schema.get("examples")) {
            try {
                validator.validate(parser.parse(json.writeValueAsBytes(example)));
            } catch (InvalidChangeException refused) {
                // an SP mode example, refused in enterprise mode: the sentences of a refusal are classes too
            }
        }
    }

    /** The class-data archive of a jar, next to it: {@code meeting-series-bridge.jsa} of {@code meeting-series-bridge.jar}. */
    public static Path archiveOf(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".jsa");
    }

    private static String get(HttpClient http, URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notListeningYet) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
