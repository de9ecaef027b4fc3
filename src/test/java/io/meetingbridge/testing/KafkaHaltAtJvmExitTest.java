package io.meetingbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A broker halting the JVM from a shutdown hook, as one whose data the test kit deleted does, in a JVM of its own. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaHaltAtJvmExitTest {

    @TempDir
    Path dir;

    @Test
    void aHaltDuringTheJvmsShutdownLeavesItsExitStatusAlone() {
        assertThat(exitStatus(true)).isZero();
    }

    @Test
    void withoutTheGuardTheSameHaltFailsTheJvm() {
        assertThat(exitStatus(false)).as("the negative control: Kafka's own halt").isEqualTo(1);
    }

    private int exitStatus(boolean guarded) {
        ChildJvm jvm = ChildJvm.start("halt-at-exit", List.of("-cp", TestClasspath.current(),
                HaltingAtExit.class.getName(), Boolean.toString(guarded)), Map.of(), dir.resolve("halt.log"));
        assertThat(jvm.waitFor(Duration.ofSeconds(60))).isTrue();
        return jvm.exitValue();
    }

    /** Ends normally, while a shutdown hook halts through Kafka's {@link Exit}. */
    static final class HaltingAtExit {
        public static void main(String[] arguments) {
            if (Boolean.parseBoolean(arguments[0])) {
                KafkaHaltAtJvmExit.install();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Exit.halt(1, "the log directory is gone")));
        }
    }
}
