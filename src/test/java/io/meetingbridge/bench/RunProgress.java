package io.meetingbridge.bench;

import io.meetingbridge.testing.EmbeddedKafka;
import java.time.Duration;

/** Watches a run from outside the pipeline's JVM: its committed input offset, and whether it still runs. */
final class RunProgress {

    /** The error of a measured window's end; small against windows of seconds. */
    private static final long POLL_MILLIS = 50;

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

    /** Until the group has committed every input record before {@code offset} (a single-partition topic). */
    void awaitCommitted(long offset) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (kafka.committedOffsetSum(group, changesTopic) < offset) {
            jvm.requireAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("offset " + offset + " not committed within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
