package io.meetingbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.change.ChangeBatches;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A batch that cannot finish is read again after a back-off, by the same group member (no leaving and
 * rejoining the group), and a batch past its deadline hands its rest to the next poll without repeating
 * what finished.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FailedBatchTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void anOutputTheBrokerRefusesIsTriedAgainBySameMemberUntilItIsWritten() throws Exception {
        world.kafka.deleteTopics(List.of(world.topics.occurrences()));
        world.startBridge(s -> s.set("bridge.producer.max-block-ms", "300"));
        world.publish("81", SampleChanges.weekly("no-topic-yet", "81"));
        ChangeBatches batches = world.bridge().bean("changeBatches", ChangeBatches.class);
        Awaitility.await("two failed batches").atMost(BridgeFixture.WAIT).until(() -> batches.failures() >= 2);
        Set<String> membersWhileFailing = members();

        world.kafka.createTopic(world.topics.occurrences(), 1);
        world.awaitAllCommitted();

        // at-least-once: a send that timed out may still have delivered some records before the retry's whole set
        List<String> lastEight = world.occurrences().stream().skip(Math.max(0, world.occurrences().size() - 8))
                .map(r -> BridgeFixture.header(r, "meeting-occurrence-index")).toList();
        assertThat(lastEight).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(world.deadLetters()).as("an output that was not written is never the record's fault").isEmpty();
        assertThat(members()).as("the consumer stayed in its group").isEqualTo(membersWhileFailing).hasSize(1);
    }

    @Test
    void aBatchPastItsDeadlineCommitsWhatFinishedAndRepeatsNothing() {
        world.api.faults().setPutLatency(Duration.ofMillis(30));
        List<ProducerRecord<byte[], byte[]>> changes = new ArrayList<>();
        for (int version = 0; version < 6; version++) {
            for (int c = 0; c < 4; c++) {
                String conference = Integer.toString(8200 + c);
                changes.add(SampleChanges.keyed(world.topics.changes(), conference,
                        SampleChanges.weekly("d" + c + "-" + version, conference, "v" + version)));
            }
        }
        world.publish(changes);
        world.startBridge(s -> s.set("bridge.consumer.batch-deadline-ms", "1"));
        world.awaitAllCommitted();

        assertThat(world.api.traffic().putCalls()).as("each change sent once").isEqualTo(changes.size());
        assertThat(world.occurrences()).hasSize(changes.size() * 8);
        for (int c = 0; c < 4; c++) {
            assertThat(world.api.series(Integer.toString(8200 + c)).orElseThrow().body().path("subject").asText())
                    .isEqualTo("v5");
        }
    }

    private Set<String> members() throws Exception {
        return world.kafka.admin().describeConsumerGroups(List.of(world.bridgeGroup())).all().get()
                .get(world.bridgeGroup()).members().stream().map(MemberDescription::consumerId)
                .collect(Collectors.toSet());
    }
}
