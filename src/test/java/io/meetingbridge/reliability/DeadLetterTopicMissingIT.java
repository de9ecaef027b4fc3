package io.meetingbridge.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter topic is missing and the broker does not create topics on demand: a record bound for
 * it stays uncommitted (its batch is polled again and again) until the topic exists, then goes through.
 */
class DeadLetterTopicMissingIT {

    private static final String VALID_CONFERENCE = "700000001";

    @Test
    void invalidRecordWaitsUncommittedUntilTheDeadLetterTopicExists() throws IOException {
        try (BridgeRig rig = BridgeRig.withoutDeadLetterTopic("dead-letter-topic-missing", 1)) {
            rig.bridge("bridge")
                    .with("bridge.producer.max-block-ms", "1500")
                    .with("bridge.producer.request-timeout-ms", "1500")
                    .with("bridge.producer.delivery-timeout-ms", "3000")
                    .start();
            // the valid change comes second, so every batch that holds it also holds the invalid record
            Iterator<PlannedChange> changes = List.of(
                    new PlannedChange(ChangeKind.INVALID, null, "not-a-conference", -1, "not JSON at all"),
                    new PlannedChange(ChangeKind.VALID, "dlq-missing-1", VALID_CONFERENCE, 0,
                            SampleChanges.weekly("dlq-missing-1", VALID_CONFERENCE))).iterator();
            List<PublishedChange> published = rig.publish(changes::next, 2);

            Awaitility.await("the batch is read again while the dead-letter topic is missing")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        assertThat(rig.admin.committedOffsetSum(rig.topics.group(), rig.topics.changes()))
                                .as("committed input offset").isZero();
                        return failedBatches(rig) >= 2;
                    });
            assertThat(rig.ledger().applicationsOf("dlq-missing-1")).as("the finished change is not repeated")
                    .hasSize(1);
            long failedWhileMissing = failedBatches(rig);

            rig.admin.createTopic(rig.topics.deadLetter(), 1);
            rig.awaitDrained(Duration.ofSeconds(30));
            Ledger ledger = rig.ledger();
            Accounting accounting = Accounting.of(published, ledger, false);
            System.out.printf("Once the dead-letter topic exists (logs in %s):%n%s", rig.run,
                    accounting.table());
            assertThat(ledger.applicationsOf("dlq-missing-1"))
                    .as("the finished change is not repeated by the batches read again after %d failed ones, nor once the "
                            + "topic exists", failedWhileMissing).hasSize(1);
            assertThat(accounting.lost()).isEmpty();
            assertThat(accounting.unexpected()).isEmpty();
            assertThat(ledger.deadLetterReasonsOf(published.get(0).changeId())).containsExactly("invalid-message");
        }
    }

    /** The batches the bridge logged as stopped by a failure and read again. */
    private static long failedBatches(BridgeRig rig) throws IOException {
        try (Stream<Path> logs = Files.list(rig.run.root())) {
            long count = 0;
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                count += Files.readAllLines(log).stream().filter(line -> line.contains("Batch stopped after")).count();
            }
            return count;
        }
    }
}
