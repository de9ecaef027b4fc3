package io.meetingbridge.bench;

import io.meetingbridge.testing.EmbeddedKafka;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Watches a run from outside the pipeline's JVM: its consumer group's members, its committed input offsets, and
 * whether it still runs.
 */
final class RunProgress {

    /** The error of a measured window's end; small against windows of seconds. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final EmbeddedKafka kafka;
    private final String changesTopic;
    private final String group;
    private final PipelineJvm jvm;
    private final Duration timeout;

    RunProgress(EmbeddedKafka kafka, String changesTopic, String group, PipelineJvm jvm, Duration timeout) {
        this.kafka = kafka;
        this.changesTopic = changesTopic;
        this.group = group;
        this.jvm = jvm;
        this.timeout = timeout;
    }

    /** Until the group has a member: the pipeline's consumer has joined it in its first poll. */
    void awaitMember() {
        Awaitility.await(group + " has a member").atMost(timeout).pollInterval(POLL)
                .failFast("the pipeline stopped", jvm::requireAlive)
                .ignoreExceptions() // a group not created yet may be described as an error
                .until(() -> kafka.brokerAdmin().groupMembers(group) > 0);
    }

    /**
     * Until the group has committed {@code records} input records, summed over the partitions: the
     * topic is fresh, so a partition's committed offset is how many of its records are done.
     */
    void awaitCommitted(long records) {
        kafka.brokerAdmin().awaitCommitted(group, changesTopic, records, timeout, POLL, jvm::requireAlive);
    }
}
