package io.meetingbridge.ledger;

import io.meetingbridge.change.ChangePosition;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the bridge last applied to one series: one value of the ledger topic.
 *
 * @param seriesKey    the upstream's id of the series, null when the series is known only by conferenceID
 * @param conferenceID null while a create has not answered
 * @param lastChangeId the last change fully applied (its outputs acknowledged), null before the first
 * @param lastApplied  where that change was first published, null before the first
 */
public record SeriesEntry(String seriesKey, String conferenceID, SeriesState state, String lastChangeId,
                          ChangePosition lastApplied, OccurrenceTable known) {

    public SeriesEntry(String seriesKey, String conferenceID, SeriesState state, String lastChangeId,
                       ChangePosition lastApplied, List<KnownOccurrence> occurrences) {
        this(seriesKey, conferenceID, state, lastChangeId, lastApplied,
                occurrences.isEmpty() ? OccurrenceTable.EMPTY : new OccurrenceTable(occurrences));
    }

    /** The known occurrences, scheduled and cancelled, in the order the API listed them. */
    public List<KnownOccurrence> occurrences() {
        return known.list();
    }

    /** The ledger key: the seriesKey, or the conferenceID of a series that has none. */
    public String key() {
        return seriesKey != null ? seriesKey : conferenceID;
    }

    static SeriesEntry creating(String seriesKey, SeriesEntry before) {
        return new SeriesEntry(seriesKey, null, SeriesState.CREATING, before == null ? null : before.lastChangeId,
                before == null ? null : before.lastApplied, List.of());
    }

    SeriesEntry scheduled(String seriesKey, String conferenceID, List<KnownOccurrence> scheduled) {
        return new SeriesEntry(seriesKey, conferenceID, SeriesState.ACTIVE, lastChangeId, lastApplied, scheduled);
    }

    SeriesEntry cancelled() {
        return new SeriesEntry(seriesKey, conferenceID, SeriesState.CANCELLED, lastChangeId, lastApplied,
                occurrences().stream().map(KnownOccurrence::asCancelled).toList());
    }

    SeriesEntry withOccurrences(UnaryOperator<List<KnownOccurrence>> change) {
        return new SeriesEntry(seriesKey, conferenceID, state, lastChangeId, lastApplied, change.apply(occurrences()));
    }

    SeriesEntry applied(String changeId, ChangePosition position) {
        return new SeriesEntry(seriesKey, conferenceID, state, changeId, position, known);
    }

    /** The occurrence that starts at this time (scheduled ones first), or of this id. */
    Optional<KnownOccurrence> startingAt(String startTime) {
        return occurrences().stream().filter(o -> startTime.equals(o.startTime()))
                .min((a, b) -> Boolean.compare(a.cancelled(), b.cancelled()));
    }

    Optional<KnownOccurrence> occurrence(String cycleSubConfID) {
        return occurrences().stream().filter(o -> o.cycleSubConfID().equals(cycleSubConfID)).findFirst();
    }
}
