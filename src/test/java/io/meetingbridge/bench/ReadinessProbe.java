package io.meetingbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the bridge's readiness endpoint, from its launch on, until it answers UP (HTTP 200). */
final class ReadinessProbe {

    static final String PATH = "/observe/health/ready";
    /** The error of the figure; a probe refused before the server is up costs the pipeline next to nothing. */
    private static final long INTERVAL_MILLIS = 50;
    private static final int UP = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI ready;

    ReadinessProbe(String host, int port) {
        this.ready = URI.create("http://" + host + ":" + port + PATH);
    }

    /** Milliseconds from the JVM's launch to the first UP answer. */
    long awaitUp(PipelineJvm jvm, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(1)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == UP) {
                    return System.currentTimeMillis() - jvm.launchedAtMillis();
                }
            } catch (IOException notListeningYet) {
                // the health server starts late in the bridge's start-up
            }
            jvm.requireAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(ready + " not UP within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
