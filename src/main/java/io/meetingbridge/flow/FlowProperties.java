package io.meetingbridge.flow;

import java.util.List;

/**
 * The exchange properties the routes and the beans share: the one place their names are written.
 * The route file uses the same strings; a test checks that it names no other property.
 */
public final class FlowProperties {

    /** The lane a {@code run-lane} exchange works through (a {@code change.Lane}). */
    public static final String LANE = "lane";

    /** The input record in flight, parsed (a {@code change.ReceivedChange}). */
    public static final String RECEIVED_CHANGE = "receivedChange";

    /** The change once validated (a {@code change.ValidChange}). */
    public static final String VALID_CHANGE = "validChange";

    /** SP mode: the enterprise (corpId) of the change once validated; null in enterprise mode. */
    public static final String TENANT = "tenant";

    /** Where the change was first published (a {@code change.ChangePosition}): a replay keeps its origin. */
    public static final String CHANGE_ORIGIN = "changeOrigin";

    /**
     * What the change will do, decided with the series ledger: {@code create}, {@code adopt} (find the series
     * an interrupted create made), {@code modify}, {@code cancel}, {@code modify-occurrence},
     * {@code cancel-occurrences}, or {@code skip} (applied already).
     */
    public static final String PLANNED_CALL = "plannedCall";

    /** The series' conferenceID: the query of its calls and the key of its outputs (null until a create answers). */
    public static final String CONFERENCE_ID = "conferenceId";

    /** The series' seriesKey, null when it has none. */
    public static final String SERIES_KEY = "seriesKey";

    /** The method of the Meeting API request the next call sends (its path and query are its headers only). */
    public static final String API_METHOD = "apiMethod";

    /** The series as confDetail showed it (its ConferenceInfo), null when the API does not know it. */
    public static final String MEETING_DETAIL = "meetingDetail";

    /** The search for the series an interrupted create made (an {@code ledger.CreatedSeriesSearch.Progress}). */
    public static final String SERIES_SEARCH = "seriesSearch";

    /** The occurrence ids a change edits or cancels, once resolved from ids or start times. */
    public static final String OCCURRENCE_IDS = "occurrenceIds";

    /** What the change publishes: the occurrence values (JSON objects) and their state. */
    public static final String OCCURRENCE_VALUES = "occurrenceValues";
    public static final String OCCURRENCE_STATE = "occurrenceState";

    /** The series' ledger entry once the change is applied (a {@code ledger.SeriesEntry}). */
    public static final String SERIES_AFTER = "seriesAfter";

    /** The key the duplicate filter remembers: tenant, conferenceID and changeId, so ids reused by another series never collide. */
    public static final String APPLIED_CHANGE_KEY = "appliedChangeKey";

    /** Why the change goes to the dead-letter topic (a {@code failure.DeadLetterReason}), chosen by the failure policy. */
    public static final String DEAD_LETTER_REASON = "deadLetterReason";

    /** How many requests the change has sent to the Meeting API so far (the PUT and its retries). */
    public static final String API_ATTEMPTS = "apiAttempts";

    /** The retries of transient failures the change has used, and the retry after a 401 (0 or 1). */
    public static final String TRANSIENT_RETRIES = "transientRetries";
    public static final String TOKEN_RETRIES = "tokenRetries";

    /** How long the request in flight waited for the API circuit to let it through, and for the quota (ms). */
    public static final String API_CIRCUIT_WAIT_MS = "apiCircuitWaitMs";
    public static final String API_QUOTA_WAIT_MS = "apiQuotaWaitMs";

    /** The change's span (an OpenTelemetry {@code Span}) while traces are on, and its dead letter's write. */
    public static final String CHANGE_SPAN = "changeSpan";
    public static final String DEAD_LETTER_SPAN = "deadLetterSpan";

    /**
     * Every property of one change: a lane runs its changes one after the other on one exchange, so each
     * change starts without what the one before it left (its attempts, retries, API detail, outcome).
     */
    public static final List<String> OF_ONE_CHANGE = List.of(RECEIVED_CHANGE, VALID_CHANGE, TENANT, CHANGE_ORIGIN,
            PLANNED_CALL, CONFERENCE_ID, SERIES_KEY, API_METHOD, MEETING_DETAIL, SERIES_SEARCH,
            OCCURRENCE_IDS, OCCURRENCE_VALUES, OCCURRENCE_STATE, SERIES_AFTER, APPLIED_CHANGE_KEY, DEAD_LETTER_REASON,
            API_ATTEMPTS, TRANSIENT_RETRIES, TOKEN_RETRIES, API_CIRCUIT_WAIT_MS, API_QUOTA_WAIT_MS, CHANGE_SPAN,
            DEAD_LETTER_SPAN);

    private FlowProperties() {
    }
}
