package io.meetingbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    @Test
    void defaultsTakeAtMostFortyFourSecondsPerChangeWellWithinFiveMinutes() {
        RetryBudget defaults = new RetryBudget(3, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(10));
        assertThat(defaults.worstCase()).isEqualTo(Duration.ofMillis(40_000 + 575 + 1150 + 2300));
        defaults.requireWithin(Duration.ofMinutes(5));
    }

    @Test
    void backoffIsCappedByTheMaximumDelay() {
        RetryBudget capped = new RetryBudget(3, Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(capped.worstCase()).isEqualTo(Duration.ofMillis(4600 + 5750 + 5750));
    }

    @Test
    void settingsThatCouldOutlastHalfThePollIntervalAreRefusedWithTheKeysToChange() {
        RetryBudget storm = new RetryBudget(20, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertThatThrownBy(() -> storm.requireWithin(Duration.ofMinutes(5)))
                .hasMessageContaining("bridge.retry.redeliveries").hasMessageContaining("max-poll-interval-ms");
    }
}
