package io.meetingbridge.deadletter;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.ReplayCommand;
import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.ChildJvm;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.TestClasspath;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterReplayTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
    private static final String[] SIGNATURE = {"java.lang.String", "java.lang.String", "java.lang.String",
            "java.lang.String"};
    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge(s -> s.set("bridge.replay.max-replays", "2"));
    @TempDir
    Path logs;
    private ObjectName replay;

    @BeforeEach
    void start() throws Exception {
        replay = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.REPLAY_MBEAN);
        world.api.faults().failConferenceAlways("900", ApiResponse.error(500, "MMC.111070003", "oops"));
        world.publish("900", SampleChanges.weekly("fix-me-1", "900"));
        world.publish("900", SampleChanges.weekly("fix-me-2", "900"));
        world.publish("bad", "{not json");
        world.awaitAllCommitted();
        assertThat(world.deadLetters()).hasSize(3);
    }

    @Test
    void dryRunOnlyCountsAndChangesNothing() throws Exception {
        long inputBefore = world.kafka.endOffsetSum(world.topics.changes());
        Object report = JMX.invoke(replay, "dryRun", new Object[]{"rejected", "500", "", ""}, SIGNATURE);
        assertThat(report).isEqualTo("dry run: scanned 3 dead-letter records, 2 matched, would replay 2, left 0 "
                + "that were already replayed the maximum number of times");
        assertThat(world.kafka.endOffsetSum(world.topics.changes())).isEqualTo(inputBefore);
    }

    @Test
    void replayAfterTheCauseIsFixedDeliversTheOccurrencesAndMarksTheReplay() throws Exception {
        world.api.faults().clearConference("900");
        Object report = JMX.invoke(replay, "replay", new Object[]{"rejected", "", "", ""}, SIGNATURE);
        assertThat(report).asString().startsWith("scanned 3 dead-letter records, 2 matched, replayed 2");
        world.awaitAllCommitted();

        assertThat(world.occurrences()).hasSize(16)
                .extracting(r -> header(r, "meeting-change-id")).containsOnly("fix-me-1", "fix-me-2");
        List<ConsumerRecord<byte[], byte[]>> input = world.kafka.read(world.topics.changes(), 5, BridgeFixture.WAIT);
        ConsumerRecord<byte[], byte[]> replayed = input.get(3);
        assertThat(header(replayed, "dlq-replay-count")).isEqualTo("1");
        assertThat(header(replayed, "dlq-reason")).isNull();
        assertThat(header(replayed, "trace-id")).isEqualTo("trace-900");
        assertThat(replayed.key()).isEqualTo("900".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordReplayedTheMaximumNumberOfTimesIsNotReplayedAgain() throws Exception {
        String failedSince = "";
        for (int round = 1; round <= 2; round++) {
            String roundStart = Instant.now().toString();
            // each round replays only what failed since the previous round began
            JMX.invoke(replay, "replay", new Object[]{"rejected", "", failedSince, ""}, SIGNATURE);
            world.awaitAllCommitted();
            failedSince = roundStart;
        }
        assertThat(world.deadLetters()).hasSize(7);
        Object report = JMX.invoke(replay, "dryRun", new Object[]{"rejected", "500", failedSince, ""}, SIGNATURE);
        assertThat(report).isEqualTo("dry run: scanned 7 dead-letter records, 2 matched, would replay 0, left 2 "
                + "that were already replayed the maximum number of times");
    }

    @Test
    void commandLineDryRunUsesTheBridgesSettings() {
        List<String> arguments = new ArrayList<>(List.of("-cp", TestClasspath.current()));
        arguments.addAll(ChildJvm.systemProperties(Map.of(
                "kafka.bootstrap-servers", world.kafka.bootstrapServers(),
                "bridge.topics.dead-letter", world.topics.deadLetter(),
                "bridge.topics.changes", world.topics.changes())));
        arguments.addAll(List.of(ReplayCommand.class.getName(), "--reason", "invalid-message", "--dry-run"));
        ChildJvm process = ChildJvm.start("replay", arguments, Map.of(), logs.resolve("replay.log"));
        assertThat(process.waitFor(Duration.ofSeconds(60))).isTrue();
        assertThat(process.output()).contains("dry run: scanned 3 dead-letter records, 1 matched, would replay 1");
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void commandLineRejectsAnUnknownOption() {
        ChildJvm process = ChildJvm.start("replay", List.of("-cp", TestClasspath.current(),
                ReplayCommand.class.getName(), "--everything"), Map.of(), logs.resolve("replay.log"));
        assertThat(process.waitFor(Duration.ofSeconds(30))).isTrue();
        assertThat(process.output()).contains("unknown option --everything").contains("usage:");
        assertThat(process.exitValue()).isEqualTo(2);
    }
}
