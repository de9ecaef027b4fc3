package io.meetingbridge.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PUT as the simulator received it, before any check.
 *
 * @param conferenceID the decoded conferenceID query parameter, or null when there was none
 * @param rawQuery     the query string exactly as sent
 * @param headers      all request headers; names are case-insensitive
 * @param tenant       SP mode: the corpId of the access token sent; "" for a token without one; null for no live token
 */
public record RecordedPut(String conferenceID, String rawQuery, Map<String, List<String>> headers, byte[] body,
                          Instant receivedAt, String tenant) {

    public RecordedPut {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(caseInsensitive);
        body = body.clone();
    }

    static RecordedPut of(ApiRequest request, TokenRegistry tokens) {
        return new RecordedPut(request.namedConferenceID(), request.rawQuery(), request.headers(), request.body(),
                request.receivedAt(), tokens.tenantOf(request.header(MeetingCallGuard.ACCESS_TOKEN_HEADER)));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Leaves out header values and the body: they carry the access token and test data. */
    @Override
    public String toString() {
        return "RecordedPut[conferenceID=" + conferenceID + ", rawQuery=" + rawQuery + ", headers="
                + headers.keySet() + ", bodyBytes=" + body.length + ", receivedAt=" + receivedAt + ", tenant=" + tenant + "]";
    }
}
