package io.meetingbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A broker whose listener port is taken (what the retries of {@code withScram()} and {@code restartable()} run into)
 * fails to start and leaves none of its threads behind: the next attempt does not run beside a half-started one.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BrokerThatCannotStartTest {

    @Test
    void aBrokerThatCannotBindItsPortFailsAndLeavesNoThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            assertThatThrownBy(() -> EmbeddedKafka.start(Map.of("listeners",
                    "EXTERNAL://localhost:" + taken.getLocalPort() + ",CONTROLLER://localhost:0")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot start");
        }
        Awaitility.await("the failed broker's threads end").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(brokerThreadsStartedSince(before)).isEmpty());
    }

    /**
     * Threads started since, except the one asking (Awaitility's) and the JVM-wide tick threads of Kafka's metrics
     * library, which outlive every broker by design.
     */
    private static List<String> brokerThreadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread != Thread.currentThread())
                .map(Thread::getName).filter(name -> !name.startsWith("metrics-meter-tick-thread")).toList();
    }
}
