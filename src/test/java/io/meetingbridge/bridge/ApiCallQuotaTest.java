package io.meetingbridge.bridge;

import io.meetingbridge.ops.MeterRegistries;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.api.ApiCallQuota;
import io.meetingbridge.simulator.RecordedPut;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code bridge.api.max-calls-per-second} the simulator never sees more calls in one second than the
 * limit, while every change is still applied, in order per series, and none is dead-lettered for waiting.
 */
@Timeout(120)
class ApiCallQuotaTest {

    private static final int LIMIT = 20;
    private static final int CONFERENCES = 30;
    private static final int CHANGES = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(3)
            .startBridge(bridge -> bridge.set(ApiCallQuota.SETTING, Integer.toString(LIMIT)));

    @Test
    void callsStayWithinTheQuotaAndEveryChangeWaitsInsteadOfBeingDeadLettered() {
        List<ProducerRecord<byte[], byte[]>> changes = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            String conference = Integer.toString(610_000 + i % CONFERENCES);
            int revision = i / CONFERENCES;
            changes.add(SampleChanges.keyed(world.topics.changes(), conference,
                    SampleChanges.weekly("quota-" + i, conference, "revision " + revision)));
        }
        world.publish(changes);
        world.awaitAllCommitted();

        int busiestSecond = world.api.traffic().maxCallsInAnyWindow(Duration.ofSeconds(1));
        System.out.printf("quota %d/s: %d calls, at most %d in one second%n", LIMIT,
                world.api.traffic().callsByOperation().values().stream().mapToLong(Long::longValue).sum(), busiestSecond);
        assertThat(busiestSecond).isLessThanOrEqualTo(LIMIT);
        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.occurrences()).hasSize(CHANGES * 8);
        List<String> inOrder = IntStream.range(0, CHANGES / CONFERENCES).mapToObj(r -> "revision " + r).toList();
        assertThat(subjectsByConference(world.api.traffic().recordedPuts()))
                .hasSize(CONFERENCES)
                .allSatisfy((conference, subjects) -> assertThat(subjects).as(conference).isEqualTo(inOrder));
        Timer waits = MeterRegistries.of(world.bridge().context()).find(ApiCallQuota.WAIT_METRIC).timer();
        assertThat(waits).isNotNull();
        assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isPositive();
    }

    /** The subjects each conference's PUTs carried, in the order the simulator received them. */
    private static Map<String, List<String>> subjectsByConference(List<RecordedPut> puts) {
        return puts.stream().collect(Collectors.groupingBy(RecordedPut::conferenceID,
                Collectors.mapping(ApiCallQuotaTest::subject, Collectors.toList())));
    }

    private static String subject(RecordedPut put) {
        try {
            return JSON.readTree(put.body()).path("subject").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
