package io.meetingbridge.occurrence;

/** The header names of an occurrence record, as the output contract fixes them. */
public final class OccurrenceHeaders {

    public static final String CONFERENCE_ID = "meeting-conference-id";
    public static final String CYCLE_SUB_CONF_ID = "meeting-cycle-sub-conf-id";
    public static final String OCCURRENCE_INDEX = "meeting-occurrence-index";
    public static final String OCCURRENCE_COUNT = "meeting-occurrence-count";
    public static final String CHANGE_ID = "meeting-change-id";
    public static final String REQUEST_ID = "meeting-request-id";
    public static final String SOURCE_TOPIC = "meeting-source-topic";
    public static final String SOURCE_PARTITION = "meeting-source-partition";
    public static final String SOURCE_OFFSET = "meeting-source-offset";
    /** The change's action: create, modify, cancel, modify-occurrence or cancel-occurrences. */
    public static final String ACTION = "meeting-action";
    /** scheduled or cancelled. */
    public static final String OCCURRENCE_STATE = "meeting-occurrence-state";
    /** The series' seriesKey, when it has one. */
    public static final String SERIES_KEY = "meeting-series-key";
    /** SP mode: the series' enterprise (corpId). */
    public static final String TENANT = "meeting-tenant";

    private OccurrenceHeaders() {
    }
}
