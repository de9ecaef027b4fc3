package io.meetingbridge.reliability;

import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.simulator.SeriesWrite;
import io.meetingbridge.testing.SampleChanges;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One change of a series' life as upstream publishes it (keyed by its seriesKey), and what it must put
 * on the occurrences topic: {@code records} records of {@code action}, each {@code state}.
 *
 * @param step the change's place in its series' life, 0 for the create
 */
record LifeChange(String seriesKey, String changeId, int step, String action, String state, int records,
                  String value) {

    /** Where the weekly series' occurrence of 2026-12-07 is moved to. */
    static final String MOVED_FROM = "2026-12-07 01:00";
    static final String MOVED_TO = "2026-12-08 03:00";
    /** The weekly series' occurrence that is cancelled on its own. */
    static final String CANCELLED_ALONE = "2026-12-09 01:00";

    /** A start as the changes write it ({@code yyyy-MM-dd HH:mm}, UTC), as the simulator keeps it. */
    static LocalDateTime utc(String start) {
        return LocalDateTime.parse(start.replace(' ', 'T'));
    }

    static String subject(String seriesKey) {
        return "Sync " + seriesKey;
    }

    static String renamedSubject(String seriesKey) {
        return "Sync " + seriesKey + ", renamed";
    }

    /** Create, modify by seriesKey, cancel one occurrence by its start: the changes a crashed create is followed by. */
    static List<LifeChange> createModifyCancelOccurrence(String seriesKey) {
        return List.of(create(seriesKey), modify(seriesKey, 1), cancelOccurrence(seriesKey, 2));
    }

    /** Create, the same renaming as a patch (which keeps the attendees only the ledger knows), cancel one occurrence. */
    static List<LifeChange> createPatchCancelOccurrence(String seriesKey) {
        return List.of(create(seriesKey), patch(seriesKey, 1), cancelOccurrence(seriesKey, 2));
    }

    /** The whole life: create, modify, move an occurrence, cancel another, cancel the series. */
    static List<LifeChange> wholeLife(String seriesKey) {
        return List.of(create(seriesKey), modify(seriesKey, 1), move(seriesKey, 2), cancelOccurrence(seriesKey, 3),
                cancelSeries(seriesKey, 4));
    }

    private static LifeChange create(String key) {
        String id = key + "-create";
        return new LifeChange(key, id, 0, "create", "scheduled", 8, SampleChanges.create(id, key, subject(key)));
    }

    private static LifeChange modify(String key, int step) {
        String id = key + "-modify";
        return new LifeChange(key, id, step, "modify", "scheduled", 8,
                SampleChanges.modifyBySeriesKey(id, key, renamedSubject(key)));
    }

    private static LifeChange patch(String key, int step) {
        String id = key + "-patch";
        return new LifeChange(key, id, step, "patch", "scheduled", 8,
                SampleChanges.patch(id, key, "{\"subject\":\"" + renamedSubject(key) + "\"}"));
    }

    private static LifeChange move(String key, int step) {
        String id = key + "-move";
        return new LifeChange(key, id, step, "modify-occurrence", "scheduled", 1,
                SampleChanges.moveOccurrence(id, key, MOVED_FROM, MOVED_TO));
    }

    private static LifeChange cancelOccurrence(String key, int step) {
        String id = key + "-cancel-occurrence";
        return new LifeChange(key, id, step, "cancel-occurrences", "cancelled", 1,
                SampleChanges.cancelOccurrences(id, key, CANCELLED_ALONE));
    }

    /** Cancels the series: its eight occurrences less the one cancelled alone before. */
    private static LifeChange cancelSeries(String key, int step) {
        String id = key + "-cancel";
        return new LifeChange(key, id, step, "cancel", "cancelled", 7, SampleChanges.cancel(id, key));
    }

    /**
     * Whether the Meeting API's write is this change applied: by its operation, and for a series' body by its
     * subject (a create adopted after a crash is applied as a PUT of the create's body).
     */
    boolean isWrittenBy(SeriesWrite write) {
        MeetingOperation operation = write.operation();
        return switch (action) {
            case "create" -> (operation == MeetingOperation.CREATE_SERIES || operation == MeetingOperation.UPDATE_SERIES)
                    && subject(seriesKey).equals(write.subject());
            case "modify", "patch" -> operation == MeetingOperation.UPDATE_SERIES
                    && renamedSubject(seriesKey).equals(write.subject());
            case "modify-occurrence" -> operation == MeetingOperation.UPDATE_OCCURRENCE;
            case "cancel-occurrences" -> operation == MeetingOperation.CANCEL_OCCURRENCES;
            case "cancel" -> operation == MeetingOperation.CANCEL_SERIES;
            default -> throw new IllegalStateException("a life change of unknown action " + action);
        };
    }

    /** For a {@link ChangeStream}: these changes, in this order, each keyed by its seriesKey. */
    static Supplier<PlannedChange> inOrder(List<LifeChange> changes) {
        Iterator<LifeChange> next = new ArrayList<>(changes).iterator();
        return () -> {
            LifeChange change = next.next();
            // PlannedChange's conferenceId is the record key: a change of a series' life is keyed by its seriesKey
            return new PlannedChange(ChangeKind.VALID, change.changeId(), change.seriesKey(), change.step(),
                    change.value());
        };
    }
}
