package io.meetingbridge.ledger;

import io.meetingbridge.change.ChangePosition;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the bridge last applied to one series: one value of the ledger topic.
 *
 * @param tenant       SP mode: the enterprise (corpId) the series belongs to; null in enterprise mode
 * @param seriesKey    the upstream's id of the series, null when the series is known only by conferenceID
 * @param conferenceID null while a create has not answered
 * @param lastChangeId the last change fully applied (its outputs acknowledged), null before the first
 * @param lastApplied  where that change was first published, null before the first
 * @param unshown      the fields of the last series body sent that confDetail does not show (the base of a patch)
 */
public record SeriesEntry(String tenant, String seriesKey, String conferenceID, SeriesState state, String lastChangeId,
                          ChangePosition lastApplied, OccurrenceTable known, UnshownFields unshown) {

    public SeriesEntry(String tenant, String seriesKey, String conferenceID, SeriesState state, String lastChangeId,
                       ChangePosition lastApplied, List<KnownOccurrence> occurrences) {
        this(tenant, seriesKey, conferenceID, state, lastChangeId, lastApplied, occurrences, UnshownFields.NONE);
    }

    public SeriesEntry(String tenant, String seriesKey, String conferenceID, SeriesState state, String lastChangeId,
                       ChangePosition lastApplied, List<KnownOccurrence> occurrences, UnshownFields unshown) {
        this(tenant, seriesKey, conferenceID, state, lastChangeId, lastApplied,
                occurrences.isEmpty() ? OccurrenceTable.EMPTY : new OccurrenceTable(occurrences), unshown);
    }

    /** The known occurrences, scheduled and cancelled, in the order the API listed them. */
    public List<KnownOccurrence> occurrences() {
        return known.list();
    }

    /**
     * The ledger key: the seriesKey, or the conferenceID of a series that has none; in SP mode after the tenant
     * and a slash, so one enterprise's seriesKey never names another's series. Enterprise mode keeps the key
     * of the records written before SP mode existed.
     */
    public String key() {
        return scoped(tenant, seriesKey != null ? seriesKey : conferenceID);
    }

    /** An id of a series within its tenant: {@code corpId/id}, or the id alone without a tenant (a corpId has no slash). */
    public static String scoped(String tenant, String id) {
        return tenant == null ? id : tenant + "/" + id;
    }

    static SeriesEntry creating(String tenant, String seriesKey, SeriesEntry before) {
        return new SeriesEntry(tenant, seriesKey, null, SeriesState.CREATING, before == null ? null : before.lastChangeId,
                before == null ? null : before.lastApplied, List.of());
    }

    SeriesEntry scheduled(String seriesKey, String conferenceID, List<KnownOccurrence> scheduled) {
        return new SeriesEntry(tenant, seriesKey, conferenceID, SeriesState.ACTIVE, lastChangeId, lastApplied, scheduled,
                unshown);
    }

    /** The series as a body sent for it left it: the fields confDetail does not show are that body's. */
    SeriesEntry sent(UnshownFields sent) {
        return new SeriesEntry(tenant, seriesKey, conferenceID, state, lastChangeId, lastApplied, known, sent);
    }

    SeriesEntry cancelled() {
        return new SeriesEntry(tenant, seriesKey, conferenceID, SeriesState.CANCELLED, lastChangeId, lastApplied,
                occurrences().stream().map(KnownOccurrence::asCancelled).toList(), unshown);
    }

    SeriesEntry withOccurrences(UnaryOperator<List<KnownOccurrence>> change) {
        return new SeriesEntry(tenant, seriesKey, conferenceID, state, lastChangeId, lastApplied, change.apply(occurrences()),
                unshown);
    }

    SeriesEntry applied(String changeId, ChangePosition position) {
        return new SeriesEntry(tenant, seriesKey, conferenceID, state, changeId, position, known, unshown);
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
