package io.meetingbridge.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetingbridge.api.MeetingApiJson;
import io.meetingbridge.api.MeetingCalls;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.failure.NeedsReviewException;
import io.meetingbridge.failure.UnexpectedApiAnswerException;
import io.meetingbridge.flow.BatchTimeBudget;
import io.meetingbridge.flow.FlowProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the series a create made before a crash interrupted it (the ledger says creating, with no
 * conferenceID): the enterprise's scheduled meetings are listed and matched against the create's series.
 * One match is adopted; none means the POST never made a series, so it is sent; several cannot be told
 * apart, and a person decides ({@code needs-review}).
 */
public final class CreatedSeriesSearch {

    private static final Logger LOG = LoggerFactory.getLogger(CreatedSeriesSearch.class);
    /**
     * Pages of meetings whose subject matches; a longer list is reviewed by a person. The last call of the
     * change is the create or the modify.
     */
    static final int MAX_PAGES = BatchTimeBudget.API_CALLS_PER_CHANGE - 1;

    private final SeriesLedger ledger;
    private final MeetingCalls calls;

    public CreatedSeriesSearch(SeriesLedger ledger, MeetingCalls calls) {
        this.ledger = ledger;
        this.calls = calls;
    }

    /** How far the search got. */
    public static final class Progress {
        int pages;
        int offset;
        long total = -1;
        final List<String> candidates = new ArrayList<>();
    }

    public void start(Exchange exchange) {
        exchange.setProperty(FlowProperties.SERIES_SEARCH, new Progress());
    }

    /** Puts the request of the next page on the exchange; false once every page was read. */
    public boolean requestNextPage(@ExchangeProperty(FlowProperties.SERIES_SEARCH) Progress progress,
                                   @ExchangeProperty(FlowProperties.VALID_CHANGE) ValidChange change,
                                   Exchange exchange) throws NeedsReviewException {
        if (progress.total >= 0 && progress.offset >= progress.total) {
            return false;
        }
        if (progress.pages >= MAX_PAGES) {
            throw new NeedsReviewException("a create of seriesKey " + change.seriesKey() + " was interrupted after its "
                    + "POST, and the scheduled meetings are too many (" + progress.total + ") to find the series it made");
        }
        String subject = change.body().path("subject").asText("");
        exchange.getMessage().setBody(calls.searchMeetings(exchange, progress.offset, subject));
        return true;
    }

    /** Reads one page: {@code {offset, limit, count, data: [ConferenceInfo]}}. */
    public void readPage(@Body byte[] answer, @ExchangeProperty(FlowProperties.SERIES_SEARCH) Progress progress,
                         @ExchangeProperty(FlowProperties.VALID_CHANGE) ValidChange change)
            throws UnexpectedApiAnswerException {
        JsonNode page;
        try {
            page = MeetingApiJson.mapper().readTree(answer == null ? new byte[0] : answer);
        } catch (IOException e) {
            throw new UnexpectedApiAnswerException("Meeting API answered the list of meetings with a body that is not JSON", e);
        }
        JsonNode data = page == null ? null : page.get("data");
        if (data == null || !data.isArray()) {
            throw new UnexpectedApiAnswerException("Meeting API answered the list of meetings without data");
        }
        progress.pages++;
        progress.total = page.path("count").asLong(0);
        progress.offset += Math.max(data.size(), 1);
        for (JsonNode meeting : data) {
            String conferenceID = meeting.path("conferenceID").asText("");
            if (!conferenceID.isEmpty() && matches(change.body(), meeting)
                    && ledger.byConference(change.corpId(), conferenceID).isEmpty()) {
                progress.candidates.add(conferenceID);
            }
        }
        if (data.isEmpty()) {
            progress.total = progress.offset; // an empty page ends the list whatever count said
        }
    }

    /**
     * Adopts the one series found (the ledger learns its conferenceID at once) and plans a modify, so the
     * change publishes its occurrences; plans the create when none was found.
     */
    public void decide(@ExchangeProperty(FlowProperties.SERIES_SEARCH) Progress progress,
                       @ExchangeProperty(FlowProperties.VALID_CHANGE) ValidChange change, Exchange exchange)
            throws NeedsReviewException, InterruptedException, ExecutionException, TimeoutException {
        // the ledger in memory left out the series of the partitions read here; those of the others are looked up
        progress.candidates.removeAll(ledger.knownElsewhere(change.corpId(), Set.copyOf(progress.candidates)));
        if (progress.candidates.isEmpty()) {
            LOG.info("The interrupted create of series {} made no series: it is sent again", change.seriesKey());
            exchange.setProperty(FlowProperties.PLANNED_CALL, "create");
            return;
        }
        if (progress.candidates.size() > 1) {
            throw new NeedsReviewException("a create of seriesKey " + change.seriesKey() + " was interrupted after its "
                    + "POST, and " + progress.candidates.size() + " scheduled series match it (conferences "
                    + String.join(", ", progress.candidates.stream().sorted().toList())
                    + "): the bridge cannot tell which one it made");
        }
        String conferenceID = progress.candidates.get(0);
        LOG.info("The interrupted create of series {} made conference {}: adopted", change.seriesKey(), conferenceID);
        SeriesEntry creating = ledger.bySeriesKey(change.corpId(), change.seriesKey()).orElseThrow();
        ledger.write(creating.scheduled(change.seriesKey(), conferenceID, List.of()), SeriesChanges.inputPartition(exchange));
        exchange.setProperty(FlowProperties.CONFERENCE_ID, conferenceID);
        exchange.setProperty(FlowProperties.PLANNED_CALL, "modify");
    }

    /** Whether a listed meeting is the series of this create: what the list shows of it agrees. */
    static boolean matches(JsonNode series, JsonNode meeting) {
        JsonNode cycle = series.path("cycleParams");
        JsonNode listed = meeting.path("cycleParams");
        return agree(series, meeting, "subject") && agree(series, meeting, "timeZoneID")
                && agree(series, meeting, "mediaTypes")
                && agree(cycle, listed, "startDate") && agree(cycle, listed, "cycle")
                && agree(cycle, listed, "interval") && agree(cycle, listed, "point");
    }

    /** Equal where both have the field; a field either side lacks says nothing. */
    private static boolean agree(JsonNode a, JsonNode b, String field) {
        JsonNode x = a.get(field);
        JsonNode y = b.get(field);
        if (x == null || y == null || x.isNull() || y.isNull()) {
            return true;
        }
        return x.isValueNode() && y.isValueNode() ? x.asText().equals(y.asText()) : x.equals(y);
    }
}
