package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The write history stays bounded, and says so when it forgets: a check on a partial history would be blind. */
class WriteHistoryTest {

    @Test
    void pastItsBoundTheOldestWritesAreForgottenAndCounted() {
        WriteHistory history = new WriteHistory();
        for (int version = 1; version <= WriteHistory.MAX_WRITES + 1; version++) {
            history.record(new SeriesWrite(version == 1 ? "first" : "other", MeetingOperation.UPDATE_SERIES, version,
                    "subject", Instant.EPOCH));
        }
        assertThat(history.forgotten()).isEqualTo(1);
        assertThat(history.of("first")).isEmpty();
        assertThat(history.of("other")).hasSize(WriteHistory.MAX_WRITES);
    }
}
