package io.meetingbridge.simulator;

/**
 * The Meeting API operations the simulator serves besides authentication, with their method and path
 * (meeting-api-facts.md, sections 2 and 6). Tests name them to arm faults and to read call counts.
 */
public enum MeetingOperation {
    CREATE_SERIES("POST", Paths.CYCLE_CONFERENCES),
    UPDATE_SERIES("PUT", Paths.CYCLE_CONFERENCES),
    CANCEL_SERIES("DELETE", Paths.CYCLE_CONFERENCES),
    UPDATE_OCCURRENCE("PUT", Paths.CYCLE_SUB_CONF),
    CANCEL_OCCURRENCES("DELETE", Paths.CYCLE_SUB_CONF),
    SHOW_DETAIL("GET", Paths.CONF_DETAIL),
    SEARCH_MEETINGS("GET", Paths.CONFERENCES),
    CONFIGURE_EVENT_PUSH("POST", EventSubscription.PATH),
    SHOW_EVENT_PUSH("GET", EventSubscription.PATH),
    CHANGE_EVENT_PUSH_STATUS("PUT", EventSubscription.STATUS_PATH);

    private final String method;
    private final String path;

    MeetingOperation(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Whether the call changes a meeting; reads do not count as modifying calls in the traffic record. */
    public boolean modifies() {
        return !"GET".equals(method);
    }

    /** How the traffic record names the operation, e.g. {@code PUT /v1/mmc/management/cycleconferences}. */
    public String callName() {
        return method + " " + path;
    }

    /** Enum constants cannot refer to the enum's own static fields, hence the holder. */
    private static final class Paths {
        static final String CYCLE_CONFERENCES = "/v1/mmc/management/cycleconferences";
        static final String CYCLE_SUB_CONF = "/v1/mmc/management/conferences/cyclesubconf";
        static final String CONF_DETAIL = "/v1/mmc/management/conferences/confDetail";
        static final String CONFERENCES = "/v1/mmc/management/conferences";
    }
}
