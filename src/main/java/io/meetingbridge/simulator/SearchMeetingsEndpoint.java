package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * GET /v1/mmc/management/conferences?offset=&amp;limit=&amp;queryAll=&amp;searchKey=&amp;queryConfMode=&amp;sortType=,
 * the enterprise's scheduled meetings: {@code {offset, limit, count, data: [ConferenceInfo]}}, earliest
 * first. searchKey matches part of the subject or of the conferenceID, ignoring case. The entries carry
 * no subConfs: whether the real list does is not known, so a client should read them with confDetail.
 * queryAll, queryConfMode and sortType are accepted and ignored.
 */
record SearchMeetingsEndpoint(SeriesStore store) implements ApiEndpoint {

    private static final Set<String> PARAMETERS =
            Set.of("offset", "limit", "queryAll", "searchKey", "queryConfMode", "sortType");

    @Override
    public ApiResponse answer(ApiRequest request) throws InvalidFieldException {
        if (!request.query().hasOnly(PARAMETERS)) {
            throw new InvalidFieldException("the query may only carry " + String.join(", ", new TreeSet<>(PARAMETERS)));
        }
        Page page = Page.of(request.query());
        String searchKey = request.query().first("searchKey").orElse("").toLowerCase(Locale.ROOT);
        List<StoredSeries> matching = store.scheduled().stream()
                .filter(series -> matches(series, searchKey))
                .toList();
        ArrayNode data = Json.MAPPER.createArrayNode();
        page.slice(matching).forEach(series -> data.add(ConferenceInfoRenderer.info(series, false)));
        return ApiResponse.json(200, page.answer(matching.size(), data));
    }

    private static boolean matches(StoredSeries series, String searchKey) {
        return series.conferenceID().contains(searchKey)
                || series.body().path("subject").asText().toLowerCase(Locale.ROOT).contains(searchKey);
    }
}
