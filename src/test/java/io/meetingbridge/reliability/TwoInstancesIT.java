package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two bridge instances share a 4-partition input in one consumer group; one is stopped (SIGTERM) and
 * started again mid-stream, so partitions move twice: nothing is lost and every series stays in order.
 */
class TwoInstancesIT {

    @Test
    void partitionsMovingBetweenInstancesLoseNothingAndKeepEachSeriesInOrder() {
        try (BridgeRig rig = BridgeRig.start("two-instances", 4)) {
            rig.bridge("bridge-a").start();
            BridgeJvm b = rig.bridge("bridge-b").start();
            ChangeStream stream = rig.publishUntilStopped(ChangeMix.valid("two", 40, 20_260_103L)::next, 50);
            rig.awaitMembers(2);

            rig.awaitOccurrencesOf(300, Duration.ofSeconds(60));
            b.stop();
            // the other instance takes over B's partitions: everything published so far gets committed
            rig.awaitCommitted(stream.acknowledged() + 100, Duration.ofSeconds(60));
            b.start();
            rig.awaitMembers(2);
            rig.awaitCommitted(stream.acknowledged() + 300, Duration.ofSeconds(60));
            stream.stop();
            List<PublishedChange> published = stream.awaitPublished(Duration.ofSeconds(30));
            rig.awaitDrained(Duration.ofSeconds(60));

            RunVerdict verdict = RunVerdict.of(rig, published, false);
            System.out.printf("Two instances, one restarted (logs in %s):%n%s", rig.run,
                    verdict.accounting().table());
            verdict.assertPassed("two instances");
            assertThat(verdict.accounting().applied()).isEqualTo(published.size());
        }
    }
}
