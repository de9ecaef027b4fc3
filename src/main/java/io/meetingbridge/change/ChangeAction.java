package io.meetingbridge.change;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a change asks the Meeting API to do; the value of the input's {@code action}. */
public enum ChangeAction {
    CREATE("create"), MODIFY("modify"), CANCEL("cancel"), MODIFY_OCCURRENCE("modify-occurrence"),
    CANCEL_OCCURRENCES("cancel-occurrences");

    private final String wireName;

    ChangeAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The action of this name; no name means modify, the action of every record before actions existed. */
    public static ChangeAction of(String wireName) {
        if (wireName == null) {
            return MODIFY;
        }
        return Arrays.stream(values()).filter(a -> a.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("action must be one of " + Arrays.stream(values())
                        .map(ChangeAction::wireName).collect(Collectors.joining(", "))));
    }
}
