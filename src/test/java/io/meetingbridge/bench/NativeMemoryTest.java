package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    /** The shape -XX:+PrintNMTStatistics gives at exit (bytes), cut to four categories. */
    private static final List<String> AT_EXIT = List.of(
            "Native Memory Tracking:",
            "",
            "Total: reserved=1831049976, committed=447015672",
            "       malloc: 19675896 #87883",
            "-                 Java Heap (reserved=268435456, committed=268435456)",
            "                            (mmap: reserved=268435456, committed=268435456)",
            "-                        GC (reserved=48940535, committed=48940535)",
            "-        Shared class space (reserved=83886080, committed=82223104)",
            "-                 Metaspace (reserved=67214272, committed=10984384)");

    @Test
    void readsTheCommittedMemoryOfEachCategory() {
        NativeMemory memory = NativeMemory.parse(AT_EXIT);

        assertThat(memory.committedBytes()).isEqualTo(447015672L);
        assertThat(memory.committedByCategory()).containsExactly(entry("Java Heap", 268435456L),
                entry("GC", 48940535L), entry("Shared class space", 82223104L), entry("Metaspace", 10984384L));
        assertThat(memory.biggest(2)).isEqualTo("Java Heap 256.0, Shared class space 78.4; total 426.3 MB committed");
    }

    @Test
    void readsTheLastSummaryInKilobytesAsJcmdPrintsIt() {
        NativeMemory memory = NativeMemory.parse(List.of(
                "Total: reserved=1, committed=2",
                "-                 Java Heap (reserved=9, committed=9)",
                "Total: reserved=1000KB, committed=300KB",
                "-                      Code (reserved=1000KB, committed=200KB)"));

        assertThat(memory.committedBytes()).isEqualTo(300 * 1024L);
        assertThat(memory.committedByCategory()).containsExactly(entry("Code", 200 * 1024L));
    }

    @Test
    void aLogWithoutASummarySaysHowToGetOne() {
        assertThatThrownBy(() -> NativeMemory.parse(List.of("started", "stopped")))
                .hasMessageContaining("-Dbench.nmt=true");
    }
}
