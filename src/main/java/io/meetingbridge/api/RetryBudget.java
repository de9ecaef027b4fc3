package io.meetingbridge.api;

import java.time.Duration;

/**
 * The longest one change can spend on the PUT: every attempt timing out, plus the backoff between
 * attempts (with its +15% jitter). It must stay well below the consumer's max.poll.interval.ms, or a
 * retry storm would make Kafka rebalance the group.
 */
public record RetryBudget(int redeliveries, Duration responseTimeout, Duration initialDelay, Duration maxDelay) {

    private static final double JITTER = 1.15;

    public Duration worstCase() {
        Duration total = responseTimeout.multipliedBy(redeliveries + 1L);
        Duration delay = initialDelay;
        for (int i = 0; i < redeliveries; i++) {
            total = total.plusMillis((long) (Math.min(delay.toMillis(), maxDelay.toMillis()) * JITTER));
            delay = delay.multipliedBy(2);
        }
        return total;
    }

    /** Refuses settings whose worst case would take more than half of {@code maxPollInterval}. */
    public void requireWithin(Duration maxPollInterval) {
        if (worstCase().multipliedBy(2).compareTo(maxPollInterval) > 0) {
            throw new IllegalStateException("the retries of one change can take " + worstCase().toSeconds()
                    + " s, more than half of bridge.consumer.max-poll-interval-ms (" + maxPollInterval.toSeconds()
                    + " s): lower bridge.retry.redeliveries, bridge.retry.max-delay-ms or "
                    + "meeting.api.response-timeout-ms, or raise the poll interval");
        }
    }
}
