package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The management server answers from bridge.ops.http-worker-threads threads, however many requests it had. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ManagementThreadsTest {

    private static final int WORKERS = 2;
    /** More than Vert.x's default pool of 20: each request would have started a thread of its own. */
    private static final int PROBES = 30;

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void probesOneAfterAnotherLeaveNoMoreWorkerThreadsThanTheSetting() throws Exception {
        long workersBefore = vertxWorkerThreads();
        world.startBridge(s -> s.set("bridge.ops.http-worker-threads", Integer.toString(WORKERS)));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest live = HttpRequest.newBuilder(URI.create(world.bridge().managementUrl() + "/observe/health/live")).build();
        for (int i = 0; i < PROBES; i++) {
            assertThat(http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }

        assertThat(vertxWorkerThreads() - workersBefore).isLessThanOrEqualTo(WORKERS);
    }

    private static long vertxWorkerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("vert.x-worker-thread")).count();
    }
}
