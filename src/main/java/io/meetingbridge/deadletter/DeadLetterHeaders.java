package io.meetingbridge.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The header names a dead-letter record carries besides the input's own headers. */
public final class DeadLetterHeaders {

    public static final String REASON = "dlq-reason";
    public static final String DETAIL = "dlq-detail";
    public static final String HTTP_STATUS = "dlq-http-status";
    public static final String ERROR_CODE = "dlq-error-code";
    public static final String ERROR_MESSAGE = "dlq-error-message";
    public static final String REQUEST_ID = "dlq-request-id";
    public static final String EXCEPTION_CLASS = "dlq-exception-class";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String ORIGINAL_TIMESTAMP = "dlq-original-timestamp";
    public static final String ATTEMPTS = "dlq-attempts";
    public static final String FAILED_AT = "dlq-failed-at";
    public static final String CHANGE_ID = "dlq-change-id";
    /** SP mode: the enterprise (corpId) of a change that passed validation. */
    public static final String TENANT = "dlq-tenant";
    /** Set instead of the value when the record was too large to be written back: the value's size in bytes. */
    public static final String VALUE_OMITTED = "dlq-value-omitted";

    /**
     * Where the change was first published ({@code topic:partition:offset:timestamp}) and a seal over it and
     * the value. A replay carries both back to the input topic (a copy of the dead letter does too), so the
     * series ledger can tell a replayed change from a newer one.
     */
    public static final String ORIGIN = "dlq-origin";
    public static final String ORIGIN_SEAL = "dlq-origin-seal";

    /**
     * How often a record has been replayed from the dead-letter topic. Set by the replay, kept through
     * later failures (it is an input header like any other), so a record cannot loop forever.
     */
    public static final String REPLAY_COUNT = "dlq-replay-count";

    private static final Set<String> BRIDGE_OWNED = Set.of(REASON, DETAIL, HTTP_STATUS, ERROR_CODE, ERROR_MESSAGE,
            REQUEST_ID, EXCEPTION_CLASS, ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET, ORIGINAL_TIMESTAMP, ATTEMPTS,
            FAILED_AT, CHANGE_ID, TENANT, VALUE_OMITTED, ORIGIN, ORIGIN_SEAL);

    /**
     * Whether a header name is one the bridge writes on a dead letter, in any letter case: an input header
     * of that name is replaced, never passed on beside the bridge's own (the replay reads names ignoring case).
     */
    public static boolean isBridgeOwned(String name) {
        return BRIDGE_OWNED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a replay puts this header back on the input topic: only the change's sealed origin. */
    public static boolean isCarriedByReplay(String name) {
        return name.equals(ORIGIN) || name.equals(ORIGIN_SEAL);
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private DeadLetterHeaders() {
    }
}
