package io.meetingbridge.simulator;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** The series the simulator knows, by conferenceID, cancelled ones included. */
final class SeriesStore {

    // the API's conferenceIDs are 9 digits
    private static final long FIRST_ID = 100_000_000L;
    private static final long ID_BOUND = 1_000_000_000L;

    private final Map<String, StoredSeries> byConference = new ConcurrentHashMap<>();
    private final WriteHistory history = new WriteHistory();

    /**
     * Decides a change of one series from its current state (null when unknown) and writes the
     * decision, atomically: two calls for one series cannot both pass a check the other's write breaks.
     * The history holds the writes of one series in the order they were applied.
     */
    ApiResponse change(MeetingOperation operation, String conferenceID, Function<StoredSeries, Decision> decide) {
        ApiResponse[] answer = new ApiResponse[1];
        byConference.compute(conferenceID, (id, current) -> {
            Decision decision = decide.apply(current);
            answer[0] = decision.answer();
            if (decision.write() == null) {
                return current;
            }
            history.record(SeriesWrite.of(operation, decision.write()));
            return decision.write();
        });
        return answer[0];
    }

    /** Stores a new series under a fresh conferenceID that no series (cancelled ones included) has had. */
    StoredSeries create(Function<String, StoredSeries> seriesWithId) {
        while (true) {
            StoredSeries created = seriesWithId.apply(
                    Long.toString(ThreadLocalRandom.current().nextLong(FIRST_ID, ID_BOUND)));
            if (byConference.putIfAbsent(created.conferenceID(), created) == null) {
                // no other call knows the new conferenceID yet: nothing can be written to it before this
                history.record(SeriesWrite.of(MeetingOperation.CREATE_SERIES, created));
                return created;
            }
        }
    }

    Optional<StoredSeries> find(String conferenceID) {
        return Optional.ofNullable(byConference.get(conferenceID));
    }

    /** The accepted writes of one series, oldest first, as far as the history remembers them. */
    List<SeriesWrite> writes(String conferenceID) {
        return history.of(conferenceID);
    }

    /** How many writes (of all series) the history has forgotten to stay bounded. */
    long writesForgotten() {
        return history.forgotten();
    }

    /** The series not cancelled, the ones with the earliest occurrence first. */
    List<StoredSeries> scheduled() {
        return byConference.values().stream()
                .filter(series -> !series.cancelled())
                .sorted(Comparator.comparing(SeriesStore::firstStart, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(StoredSeries::conferenceID))
                .toList();
    }

    private static LocalDateTime firstStart(StoredSeries series) {
        return series.occurrences().isEmpty() ? null : series.occurrences().get(0).startTime();
    }

    /**
     * What a change decided.
     *
     * @param write  the series to store, or null to leave the store as it was
     * @param answer what the caller is told
     */
    record Decision(StoredSeries write, ApiResponse answer) {

        static Decision refuse(ApiResponse answer) {
            return new Decision(null, answer);
        }

        static Decision write(StoredSeries series, ApiResponse answer) {
            return new Decision(series, answer);
        }
    }
}
