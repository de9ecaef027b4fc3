package io.meetingbridge.ledger;

import java.util.Arrays;

/** Where a series stands in the ledger. */
public enum SeriesState {
    /** A create is under way: its POST may have been sent, its conferenceID is not known yet. */
    CREATING("creating"),
    ACTIVE("active"),
    CANCELLED("cancelled");

    private final String wireName;

    SeriesState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static SeriesState of(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown series state " + wireName));
    }
}
