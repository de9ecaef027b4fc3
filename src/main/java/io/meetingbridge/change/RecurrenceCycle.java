package io.meetingbridge.change;

import java.util.Arrays;
import java.util.Optional;

/** The documented limits of each value of cycleParams.cycle. */
enum RecurrenceCycle {

    DAY("Day", new IntRange(1, 15), null),
    /** point: days of the week, 0 is Sunday. */
    WEEK("Week", new IntRange(1, 5), new IntRange(0, 6)),
    /** point: days of the month; a day a month lacks becomes its last day. */
    MONTH("Month", new IntRange(1, 3), new IntRange(1, 31));

    private final String jsonName;
    private final IntRange interval;
    private final IntRange point;

    RecurrenceCycle(String jsonName, IntRange interval, IntRange point) {
        this.jsonName = jsonName;
        this.interval = interval;
        this.point = point;
    }

    static RecurrenceCycle named(String jsonName) {
        return Arrays.stream(values()).filter(c -> c.jsonName.equals(jsonName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cycle " + jsonName));
    }

    IntRange interval() {
        return interval;
    }

    /** The values point may hold; empty for a cycle that takes no point. */
    Optional<IntRange> point() {
        return Optional.ofNullable(point);
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
