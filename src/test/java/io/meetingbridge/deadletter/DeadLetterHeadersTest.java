package io.meetingbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Which dead-letter header names are the bridge's own, which a replay carries, and how one is read. */
class DeadLetterHeadersTest {

    @Test
    void theBridgesOwnNamesInAnyLetterCaseButNotTheReplayCount() {
        assertThat(DeadLetterHeaders.isBridgeOwned("dlq-reason")).isTrue();
        assertThat(DeadLetterHeaders.isBridgeOwned("DLQ-Detail")).isTrue();
        assertThat(DeadLetterHeaders.isBridgeOwned("dlq-ORIGIN-seal")).isTrue();
        assertThat(DeadLetterHeaders.isBridgeOwned("dlq-value-omitted")).isTrue();
        assertThat(DeadLetterHeaders.isBridgeOwned("dlq-replay-count")).as("an input header like any other").isFalse();
        assertThat(DeadLetterHeaders.isBridgeOwned("trace-id")).isFalse();
    }

    @Test
    void aReplayCarriesOnlyTheSealedOrigin() {
        assertThat(DeadLetterHeaders.isCarriedByReplay("dlq-origin")).isTrue();
        assertThat(DeadLetterHeaders.isCarriedByReplay("dlq-origin-seal")).isTrue();
        assertThat(DeadLetterHeaders.isCarriedByReplay("dlq-reason")).isFalse();
        assertThat(DeadLetterHeaders.isCarriedByReplay("DLQ-ORIGIN")).as("written in lower case only").isFalse();
    }

    @Test
    void theLastValueOfAHeaderIsRead() {
        Headers headers = new RecordHeaders();
        headers.add("dlq-reason", "rejected".getBytes(StandardCharsets.UTF_8));
        headers.add("dlq-reason", "retries-exhausted".getBytes(StandardCharsets.UTF_8));
        headers.add("empty", null);

        assertThat(DeadLetterHeaders.text(headers, "dlq-reason")).isEqualTo("retries-exhausted");
        assertThat(DeadLetterHeaders.text(headers, "empty")).isNull();
        assertThat(DeadLetterHeaders.text(headers, "absent")).isNull();
    }
}
