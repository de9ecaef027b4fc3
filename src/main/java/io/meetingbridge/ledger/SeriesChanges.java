package io.meetingbridge.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.api.DetailAsSeries;
import io.meetingbridge.api.MeetingAnswers;
import io.meetingbridge.api.MeetingAnswers.SeriesAnswer;
import io.meetingbridge.change.ChangePosition;
import io.meetingbridge.change.InvalidChangeException;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import io.meetingbridge.flow.FlowProperties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;

/**
 * The series ledger's part in each action: what a change leaves in the ledger, which occurrences it names
 * (by id or by current start) and what it publishes about them.
 */
public final class SeriesChanges {

    static final String SCHEDULED = "scheduled";
    static final String CANCELLED = "cancelled";
    private static final int MINUTES = "yyyy-MM-dd HH:mm".length();

    private final SeriesLedger ledger;
    private final MeetingAnswers answers = new MeetingAnswers();
    private final int unshownMaxBytes;

    /** @param unshownMaxBytes the most bytes of a series' unshown fields its ledger entry keeps */
    public SeriesChanges(SeriesLedger ledger, int unshownMaxBytes) {
        this.ledger = ledger;
        this.unshownMaxBytes = UnshownFields.checkedBound(unshownMaxBytes);
    }

    /** Before a create's POST: a crash after it finds the ledger saying so, and does not POST blindly again. */
    public void creating(Exchange exchange) throws InterruptedException, ExecutionException, TimeoutException {
        String seriesKey = seriesKey(exchange);
        String tenant = tenant(exchange);
        ledger.write(SeriesEntry.creating(tenant, seriesKey, ledger.bySeriesKey(tenant, seriesKey).orElse(null)),
                inputPartition(exchange));
    }

    /** A create answered: its conferenceID goes to the ledger at once, before anything is published. */
    public void created(@Body byte[] body, Exchange exchange)
            throws UnexpectedApiAnswerException, InterruptedException, ExecutionException, TimeoutException {
        SeriesAnswer answer = answers.series(body);
        if (answer.conferenceID() == null) {
            throw new UnexpectedApiAnswerException("Meeting API answered the create without a conferenceID");
        }
        exchange.setProperty(FlowProperties.CONFERENCE_ID, answer.conferenceID());
        schedule(answer, exchange);
        ledger.write(exchange.getProperty(FlowProperties.SERIES_AFTER, SeriesEntry.class), inputPartition(exchange));
    }

    /**
     * A create, modify or patch answered with the whole series: every occurrence is scheduled, as the answer says,
     * and the fields of the body sent that confDetail does not show are the base of the series' next patch.
     */
    public void scheduled(@Body byte[] body, Exchange exchange) throws UnexpectedApiAnswerException {
        schedule(answers.series(body), exchange);
    }

    private void schedule(SeriesAnswer answer, Exchange exchange) {
        List<KnownOccurrence> occurrences = answer.occurrences().stream().map(SeriesChanges::known).toList();
        SeriesEntry after = current(exchange).scheduled(seriesKey(exchange), conferenceID(exchange), occurrences)
                .sent(UnshownFields.of(DetailAsSeries.unshown(validChange(exchange).body()), unshownMaxBytes));
        publish(exchange, answer.occurrences(), SCHEDULED, after);
    }

    /** A cancel of the whole series: every occurrence it had, as last known, is published as cancelled. */
    public void cancelled(Exchange exchange) throws UnexpectedApiAnswerException {
        SeriesEntry entry = current(exchange);
        JsonNode detail = exchange.getProperty(FlowProperties.MEETING_DETAIL, JsonNode.class);
        List<JsonNode> lastKnown = new ArrayList<>();
        if (detail != null) {
            lastKnown.addAll(MeetingAnswers.subConfs(detail));
            entry = entry.scheduled(seriesKey(exchange), conferenceID(exchange),
                    lastKnown.stream().map(SeriesChanges::known).toList());
        } else {
            entry.occurrences().stream().filter(o -> !o.cancelled()).map(SeriesChanges::value).forEach(lastKnown::add);
        }
        publish(exchange, lastKnown, CANCELLED, entry.cancelled());
    }

    /** The occurrence a modify-occurrence names, and the PUT body that names it by id. */
    public ObjectNode occurrenceToModify(Exchange exchange) throws InvalidChangeException, UnexpectedApiAnswerException {
        ValidChange change = validChange(exchange);
        String id = change.occurrenceStart() == null ? change.body().path("cycleSubConfID").asText()
                : idStartingAt(exchange, change.occurrenceStart());
        exchange.setProperty(FlowProperties.OCCURRENCE_IDS, List.of(id));
        ObjectNode body = change.body().deepCopy();
        body.put("cycleSubConfID", id);
        return body;
    }

    /** After the occurrence was changed: it is published as the API now shows it (read back with confDetail). */
    public void occurrenceModified(Exchange exchange) throws UnexpectedApiAnswerException {
        String id = occurrenceIds(exchange).get(0);
        JsonNode detail = exchange.getProperty(FlowProperties.MEETING_DETAIL, JsonNode.class);
        JsonNode now = detail == null ? null : MeetingAnswers.subConfs(detail).stream()
                .filter(o -> id.equals(o.path("cycleSubConfID").asText())).findFirst().orElse(null);
        if (now == null) {
            throw new UnexpectedApiAnswerException("Meeting API accepted the change of occurrence " + id
                    + " but confDetail does not show it");
        }
        KnownOccurrence changed = known(now);
        SeriesEntry after = current(exchange).withOccurrences(all -> replace(all, changed));
        publish(exchange, List.of(now), SCHEDULED, after);
    }

    /**
     * The occurrences a cancel-occurrences names, by id or by current start; returns those the API still shows,
     * the only ones worth sending (one it no longer knows would make the API refuse the whole request), or
     * null when it shows none of them.
     */
    public List<String> occurrencesToCancel(Exchange exchange) throws InvalidChangeException, UnexpectedApiAnswerException {
        ValidChange change = validChange(exchange);
        Set<String> named = new LinkedHashSet<>(change.cycleSubConfIDs());
        for (String start : change.occurrenceStarts()) {
            named.add(idStartingAt(exchange, start));
        }
        List<String> ids = List.copyOf(named);
        exchange.setProperty(FlowProperties.OCCURRENCE_IDS, ids);
        List<JsonNode> shown = shownByApi(exchange);
        List<String> scheduled = ids.stream()
                .filter(id -> shown.stream().anyMatch(o -> id.equals(o.path("cycleSubConfID").asText()))).toList();
        return scheduled.isEmpty() ? null : scheduled;
    }

    /** After the occurrences were cancelled: each is published as cancelled, as last known. */
    public void occurrencesCancelled(Exchange exchange) throws UnexpectedApiAnswerException {
        List<String> ids = occurrenceIds(exchange);
        SeriesEntry entry = current(exchange);
        List<JsonNode> shown = shownByApi(exchange);
        List<JsonNode> lastKnown = new ArrayList<>();
        List<KnownOccurrence> cancelled = new ArrayList<>();
        for (String id : ids) {
            JsonNode value = shown.stream().filter(o -> id.equals(o.path("cycleSubConfID").asText())).findFirst()
                    .orElseGet(() -> entry.occurrence(id).map(SeriesChanges::value)
                            .orElseGet(() -> JsonNodeFactory.instance.objectNode().put("cycleSubConfID", id)));
            lastKnown.add(value);
            cancelled.add(known(value).asCancelled());
        }
        SeriesEntry after = entry.withOccurrences(all -> {
            List<KnownOccurrence> result = all;
            for (KnownOccurrence occurrence : cancelled) {
                result = replace(result, occurrence);
            }
            return result;
        });
        publish(exchange, lastKnown, CANCELLED, after);
    }

    /**
     * The change's outputs are acknowledged: the ledger records it as the series' last applied change. The write
     * is acknowledged before the batch is committed (close-batch waits for it), not before the lane goes on.
     */
    public void applied(Exchange exchange) {
        SeriesEntry after = exchange.getProperty(FlowProperties.SERIES_AFTER, SeriesEntry.class);
        ReceivedChange change = exchange.getProperty(FlowProperties.RECEIVED_CHANGE, ReceivedChange.class);
        ledger.writeBeforeCommit(after.applied(change.changeId(), exchange.getProperty(FlowProperties.CHANGE_ORIGIN,
                ChangePosition.class)), change.source().partition());
    }

    /** The input partition the change was read from: its series' entry goes to the ledger partition of that number. */
    static int inputPartition(Exchange exchange) {
        return exchange.getProperty(FlowProperties.RECEIVED_CHANGE, ReceivedChange.class).source().partition();
    }

    private String idStartingAt(Exchange exchange, String start) throws InvalidChangeException,
            UnexpectedApiAnswerException {
        Optional<KnownOccurrence> known = current(exchange).startingAt(start);
        if (known.isPresent()) {
            return known.get().cycleSubConfID();
        }
        for (JsonNode occurrence : shownByApi(exchange)) {
            if (sameMinute(start, occurrence.path("startTime").asText())) {
                return occurrence.path("cycleSubConfID").asText();
            }
        }
        throw new InvalidChangeException("occurrenceStart " + start + " is the start of no occurrence of conference "
                + conferenceID(exchange));
    }

    private static List<JsonNode> shownByApi(Exchange exchange) throws UnexpectedApiAnswerException {
        JsonNode detail = exchange.getProperty(FlowProperties.MEETING_DETAIL, JsonNode.class);
        return detail == null ? List.of() : MeetingAnswers.subConfs(detail);
    }

    private static boolean sameMinute(String a, String b) {
        return a.length() >= MINUTES && b.length() >= MINUTES && a.regionMatches(0, b, 0, MINUTES);
    }

    private static List<KnownOccurrence> replace(List<KnownOccurrence> all, KnownOccurrence changed) {
        List<KnownOccurrence> result = new ArrayList<>(all.size() + 1);
        boolean found = false;
        for (KnownOccurrence occurrence : all) {
            boolean same = occurrence.cycleSubConfID().equals(changed.cycleSubConfID());
            result.add(same ? changed : occurrence);
            found |= same;
        }
        if (!found) {
            result.add(changed);
        }
        return result;
    }

    private static void publish(Exchange exchange, List<JsonNode> values, String state, SeriesEntry after) {
        exchange.setProperty(FlowProperties.OCCURRENCE_VALUES, values);
        exchange.setProperty(FlowProperties.OCCURRENCE_STATE, state);
        exchange.setProperty(FlowProperties.SERIES_AFTER, after);
    }

    /** The series' entry now, or a new one for a series the ledger does not know yet. */
    private SeriesEntry current(Exchange exchange) {
        String seriesKey = seriesKey(exchange);
        String conferenceID = conferenceID(exchange);
        String tenant = tenant(exchange);
        Optional<SeriesEntry> known = seriesKey != null ? ledger.bySeriesKey(tenant, seriesKey) : Optional.empty();
        if (known.isEmpty() && conferenceID != null) {
            known = ledger.byConference(tenant, conferenceID);
        }
        return known.orElseGet(() -> new SeriesEntry(tenant, seriesKey, conferenceID, SeriesState.ACTIVE, null, null,
                List.of()));
    }

    private static KnownOccurrence known(JsonNode subConf) {
        return new KnownOccurrence(subConf.path("cycleSubConfID").asText(), text(subConf, "startTime"),
                text(subConf, "endTime"), false);
    }

    private static JsonNode value(KnownOccurrence occurrence) {
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("cycleSubConfID", occurrence.cycleSubConfID());
        if (occurrence.startTime() != null) {
            value.put("startTime", occurrence.startTime());
        }
        if (occurrence.endTime() != null) {
            value.put("endTime", occurrence.endTime());
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> occurrenceIds(Exchange exchange) {
        return exchange.getProperty(FlowProperties.OCCURRENCE_IDS, List.class);
    }

    private static ValidChange validChange(Exchange exchange) {
        return exchange.getProperty(FlowProperties.VALID_CHANGE, ValidChange.class);
    }

    private static String seriesKey(Exchange exchange) {
        return exchange.getProperty(FlowProperties.SERIES_KEY, String.class);
    }

    private static String conferenceID(Exchange exchange) {
        return exchange.getProperty(FlowProperties.CONFERENCE_ID, String.class);
    }

    private static String tenant(Exchange exchange) {
        return exchange.getProperty(FlowProperties.TENANT, String.class);
    }
}
