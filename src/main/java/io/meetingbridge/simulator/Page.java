package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The offset and limit query parameters of a paged read, and the API's page shape
 * {@code {offset, limit, count, data}}. The default and largest limit are the simulator's choice:
 * the real ones are not documented in the facts file.
 */
record Page(int offset, int limit) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 500;

    static Page of(QueryString query) throws InvalidFieldException {
        return new Page(query.integer("offset", 0, Integer.MAX_VALUE, 0),
                query.integer("limit", 1, MAX_LIMIT, DEFAULT_LIMIT));
    }

    <T> List<T> slice(List<T> all) {
        int from = (int) Math.min(all.size(), (long) offset);
        return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
    }

    /** @param count how many items match in all, not only on this page */
    ObjectNode answer(int count, ArrayNode data) {
        ObjectNode page = Json.MAPPER.createObjectNode().put("offset", offset).put("limit", limit).put("count", count);
        page.set("data", data);
        return page;
    }
}
