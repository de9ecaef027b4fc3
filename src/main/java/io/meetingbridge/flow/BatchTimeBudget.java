package io.meetingbridge.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The longest one batch can keep the consumer from polling, from its settings: the batch deadline (after
 * which no change starts), the worst case of the last change started before it, the commit, and the
 * back-off after a failure. It must stay below {@code max.poll.interval.ms}, or Kafka would take the
 * partitions away in the middle of a batch.
 *
 * <p>The worst case of one change counts every wait it can meet: an access token (its back-off and its
 * request), the circuit's open period, every attempt of the call timing out (connect and response), the
 * delay before each retry at its cap (Retry-After is capped there too, plus jitter), all of it twice for
 * the one retry after a 401, the wait for the API quota before each request (token requests included),
 * all of it for each of the calls one change can make, the output write (blocked, then timed out), or a
 * dead letter that is written again as a reference, and the series ledger's writes. A batch after a
 * rebalance first waits for the ledger to catch up.
 */
public final class BatchTimeBudget {

    /**
     * The most Meeting API calls one change makes: an occurrence edit reads, changes and reads back; a create
     * a crash interrupted lists up to three pages of scheduled meetings, then creates or modifies.
     */
    public static final int API_CALLS_PER_CHANGE = 4;
    /** A create writes the ledger before its POST, right after it, and once its outputs are published. */
    private static final int LEDGER_WRITES_PER_CHANGE = 3;

    private static final double JITTER = 1.15;
    private static final int REFERENCE_TRIES = 3;

    private final Map<String, Duration> parts = new LinkedHashMap<>();

    /** @param setting reads a setting's value, in milliseconds or as a count */
    public BatchTimeBudget(ToLongFunction<String> setting) {
        this(setting, Duration.ZERO);
    }

    /**
     * @param setting   reads a setting's value, in milliseconds or as a count
     * @param quotaWait the longest one request can wait for the API quota (zero without a quota)
     */
    public BatchTimeBudget(ToLongFunction<String> setting, Duration quotaWait) {
        Duration request = ms(setting, "meeting.api.connect-timeout-ms").plus(ms(setting, "meeting.api.response-timeout-ms"))
                .plus(quotaWait);
        long redeliveries = setting.applyAsLong("bridge.retry.redeliveries");
        Duration token = ms(setting, "meeting.auth.retry-max-delay-ms").plus(request);
        Duration calls = request.multipliedBy(redeliveries + 1)
                .plusMillis((long) (setting.applyAsLong("bridge.retry.max-delay-ms") * JITTER * redeliveries))
                .plus(ms(setting, "bridge.circuit.open-wait-ms"));
        Duration write = ms(setting, "bridge.producer.max-block-ms").plus(ms(setting, "bridge.producer.delivery-timeout-ms"));
        Duration deadLetter = write.plus(ms(setting, "bridge.producer.request-timeout-ms").multipliedBy(REFERENCE_TRIES));
        parts.put("batch deadline", ms(setting, "bridge.consumer.batch-deadline-ms"));
        parts.put("access token, twice (the 401 retry)", token.multipliedBy(2));
        parts.put(API_CALLS_PER_CHANGE + " calls with retries and circuit wait, twice (the 401 retry)",
                calls.multipliedBy(2L * API_CALLS_PER_CHANGE));
        parts.put("output or dead-letter write", deadLetter.compareTo(write) > 0 ? deadLetter : write);
        parts.put("series ledger writes", ms(setting, "bridge.ledger.write-timeout-ms").multipliedBy(LEDGER_WRITES_PER_CHANGE));
        parts.put("series ledger catch-up", ms(setting, "bridge.ledger.catch-up-timeout-ms"));
        parts.put("an interrupted create's look at the ledger partitions read elsewhere",
                ms(setting, "bridge.ledger.catch-up-timeout-ms"));
        parts.put("commit", ms(setting, "bridge.consumer.commit-timeout-ms"));
        parts.put("back-off after a failed batch", ms(setting, "bridge.consumer.failed-batch-backoff-max-ms"));
    }

    public Duration worstCase() {
        return parts.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Each part and its share, for the start-up log and the refusal. */
    public String describe() {
        return parts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms")
                .collect(Collectors.joining(", "));
    }

    /** Refuses settings whose worst case reaches {@code maxPollInterval}. */
    public void requireWithin(Duration maxPollInterval) {
        if (worstCase().compareTo(maxPollInterval) >= 0) {
            throw new IllegalStateException("one batch can keep the consumer from polling for " + worstCase().toMillis()
                    + " ms, not less than bridge.consumer.max-poll-interval-ms (" + maxPollInterval.toMillis() + " ms): "
                    + describe() + ". Lower bridge.consumer.batch-deadline-ms, bridge.retry.redeliveries, "
                    + "bridge.retry.max-delay-ms or the timeouts, or raise the poll interval");
        }
    }

    private static Duration ms(ToLongFunction<String> setting, String key) {
        return Duration.ofMillis(setting.applyAsLong(key));
    }
}
