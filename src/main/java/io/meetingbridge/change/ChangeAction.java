package io.meetingbridge.change;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a change asks the Meeting API to do; the value of the input's {@code action}. The published
 * schema lists the same wire names (a test holds the two together).
 */
public enum ChangeAction {

    /** Schedules a new series: POST cycleconferences with {@code series}. */
    CREATE("create"),
    /** Replaces the whole series: PUT cycleconferences with {@code series}. The default. */
    MODIFY("modify"),
    /** Cancels the whole series: DELETE cycleconferences. */
    CANCEL("cancel"),
    /** Changes one occurrence: PUT conferences/cyclesubconf with {@code occurrence}. */
    MODIFY_OCCURRENCE("modify-occurrence"),
    /** Cancels some occurrences: DELETE conferences/cyclesubconf with their ids. */
    CANCEL_OCCURRENCES("cancel-occurrences"),
    /** Changes some fields of the series: a JSON Merge Patch of the series as the API holds it, then PUT. */
    PATCH("patch");

    private final String wireName;

    ChangeAction(String wireName) {
        this.wireName = wireName;
    }

    /** The action as the input writes it: {@code create}, {@code modify-occurrence}, ... */
    public String wireName() {
        return wireName;
    }

    /**
     * The action a record's {@code action} names: {@link #MODIFY} when it has none (null).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static ChangeAction of(String wireName) {
        if (wireName == null) {
            return MODIFY;
        }
        return Arrays.stream(values()).filter(a -> a.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("action must be one of "
                        + Arrays.stream(values()).map(ChangeAction::wireName).collect(Collectors.joining(", "))
                        + ", got " + Echo.quoted(wireName)));
    }
}
