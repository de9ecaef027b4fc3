package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/** A request to one of the simulated API endpoints, with its body already read. */
record ApiRequest(String rawQuery, Headers headers, byte[] body, InetSocketAddress remoteAddress,
                  Instant receivedAt) {

    QueryString query() {
        return QueryString.parse(rawQuery);
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** The body as a JSON object, or empty when it is anything else (not JSON, an array, nothing). */
    Optional<JsonNode> jsonObject() {
        try {
            JsonNode body = Json.MAPPER.readTree(this.body);
            return body != null && body.isObject() ? Optional.of(body) : Optional.empty();
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    /** The body as a JSON object; anything else is an invalid parameter. */
    JsonNode requiredJsonObject() throws InvalidFieldException {
        return jsonObject().orElseThrow(() -> new InvalidFieldException("body must be a JSON object"));
    }

    /** The conferenceID the query names, or null; for routing faults and counting overlaps, unchecked. */
    String namedConferenceID() {
        return query().first(ConferenceQuery.CONFERENCE_ID).orElse(null);
    }

    /** Leaves out headers and body: they carry access tokens and signatures. */
    @Override
    public String toString() {
        return "ApiRequest[rawQuery=" + rawQuery + ", bodyBytes=" + body.length + ", receivedAt=" + receivedAt + "]";
    }
}
