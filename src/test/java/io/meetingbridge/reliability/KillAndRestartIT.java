package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the bridge mid-stream, three times, while an upstream producer keeps publishing: every
 * change still ends as its eight occurrences or as a dead-letter record, and each series in order.
 */
class KillAndRestartIT {

    private static final int KILLS = 3;
    /** How many more changes the bridge writes out between one start and the next kill. */
    private static final int CHANGES_BETWEEN_KILLS = 350;

    @Test
    void everyChangeIsAccountedForAfterRepeatedKillNine() {
        try (BridgeRig rig = BridgeRig.start("kill-and-restart", 3)) {
            rig.refuse(ChangeMix.REFUSED_CONFERENCE);
            BridgeJvm bridge = rig.bridge("bridge").start();
            ChangeMix mix = ChangeMix.withFailures("kill", 100, 40, 50, 20_260_101L);
            ChangeStream stream = rig.publishUntilStopped(mix::next, 50);

            for (int kill = 1; kill <= KILLS; kill++) {
                rig.awaitOccurrencesOf(kill * CHANGES_BETWEEN_KILLS, Duration.ofSeconds(60));
                bridge.kill();
                bridge.start();
            }
            stream.stop();
            List<PublishedChange> published = stream.awaitPublished(Duration.ofSeconds(30));
            rig.awaitDrained(Duration.ofSeconds(60));

            RunVerdict verdict = RunVerdict.of(rig, published, false);
            Accounting accounting = verdict.accounting();
            System.out.printf("After %d kills (logs in %s):%n%s", KILLS, rig.run, accounting.table());
            verdict.assertPassed("kill and restart");
            assertThat(accounting.applied()).isEqualTo(count(published, ChangeKind.VALID));
            assertThat(accounting.deadLettered("invalid-message")).isEqualTo(count(published, ChangeKind.INVALID));
            assertThat(accounting.deadLettered("rejected")).isEqualTo(count(published, ChangeKind.REFUSED));
        }
    }

    private static int count(List<PublishedChange> published, ChangeKind kind) {
        return (int) published.stream().filter(c -> c.kind() == kind).count();
    }
}
