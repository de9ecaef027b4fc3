package io.meetingbridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.change.ValidChange;
import io.meetingbridge.flow.FlowProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;

/**
 * The Meeting API requests of a series' life (meeting-api-facts.md, sections 2, 6 and 7): each method
 * plans the call for {@code call-meeting-api} (the request's headers, nothing of an earlier answer left) and
 * returns the body to send (null for none).
 */
public final class MeetingCalls {

    static final String SERIES = "cycleconferences";
    static final String OCCURRENCES = "conferences/cyclesubconf";
    static final String DETAIL = "conferences/confDetail";
    static final String MEETINGS = "conferences";
    /** A page of the scheduled meetings list. */
    public static final int SEARCH_PAGE_SIZE = 100;

    /** POST cycleconferences with the series as it came. */
    public byte[] createSeries(Exchange exchange, @ExchangeProperty(FlowProperties.VALID_CHANGE) ValidChange change) {
        return call(exchange, HttpMethods.POST, SERIES, null, change.body());
    }

    /** PUT cycleconferences?conferenceID= with the series as it came. */
    public byte[] modifySeries(Exchange exchange, @ExchangeProperty(FlowProperties.VALID_CHANGE) ValidChange change,
                               @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceID) {
        return call(exchange, HttpMethods.PUT, SERIES, conference(conferenceID), change.body());
    }

    /** DELETE cycleconferences?conferenceID=. */
    public byte[] cancelSeries(Exchange exchange, @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceID) {
        return call(exchange, HttpMethods.DELETE, SERIES, conference(conferenceID), null);
    }

    /** GET conferences/confDetail?conferenceID=: the series with its occurrences (no participants asked for). */
    public byte[] readDetail(Exchange exchange, @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceID) {
        return call(exchange, HttpMethods.GET, DETAIL, conference(conferenceID) + "&offset=0&limit=1", null);
    }

    /** PUT conferences/cyclesubconf?conferenceID= with the occurrence as it came, naming its id. */
    public byte[] modifyOccurrence(Exchange exchange, @Body ObjectNode occurrence,
                                   @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceID) {
        return call(exchange, HttpMethods.PUT, OCCURRENCES, conference(conferenceID), occurrence);
    }

    /** DELETE conferences/cyclesubconf?conferenceID= with {@code {"cycleSubConfIDs":[...]}}. */
    public byte[] cancelOccurrences(Exchange exchange, @Body List<String> cycleSubConfIDs,
                                    @ExchangeProperty(FlowProperties.CONFERENCE_ID) String conferenceID) {
        ObjectNode body = MeetingApiJson.mapper().createObjectNode();
        ArrayNode ids = body.putArray("cycleSubConfIDs");
        cycleSubConfIDs.forEach(ids::add);
        return call(exchange, HttpMethods.DELETE, OCCURRENCES, conference(conferenceID), body);
    }

    /** GET conferences?offset=&amp;limit=&amp;searchKey=: one page of the enterprise's scheduled meetings. */
    public byte[] searchMeetings(Exchange exchange, int offset, String searchKey) {
        String query = "offset=" + offset + "&limit=" + SEARCH_PAGE_SIZE
                + (searchKey == null || searchKey.isEmpty() ? "" : "&searchKey=" + URLEncoder.encode(searchKey,
                StandardCharsets.UTF_8));
        return call(exchange, HttpMethods.GET, MEETINGS, query, null);
    }

    private static String conference(String conferenceID) {
        // validated as ASCII digits: nothing to encode
        return "conferenceID=" + conferenceID;
    }

    /**
     * The request's headers in one step: the previous call's answer headers are not this request's. The method
     * is camel-http's own enum, not its name: camel-http reads {@code CamelHttpMethod} as that enum, and a String
     * there would be converted on every call (a type-converter lookup that cost ~8% of a lane's CPU).
     */
    private static byte[] call(Exchange exchange, HttpMethods method, String path, String query, JsonNode body) {
        exchange.setProperty(FlowProperties.API_METHOD, method);
        Message request = exchange.getMessage();
        request.removeHeaders("*");
        request.setHeader(Exchange.HTTP_METHOD, method);
        request.setHeader(Exchange.HTTP_PATH, path);
        request.setHeader(Exchange.HTTP_QUERY, query);
        request.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (body == null) {
            return null;
        }
        try {
            return MeetingApiJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }
}
