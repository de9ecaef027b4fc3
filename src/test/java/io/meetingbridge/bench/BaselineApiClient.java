package io.meetingbridge.bench;

import io.meetingbridge.api.MeetingApiJson;
import io.meetingbridge.auth.AccessTokenCache;
import io.meetingbridge.failure.AuthUnavailableException;
import io.meetingbridge.change.ValidChange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The baseline's PUT of a series, with the bridge's token cache and its one retry after a 401. */
final class BaselineApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineApiClient.class);
    private static final String PATH = "/v1/mmc/management/cycleconferences?conferenceID=";
    private static final int UNAUTHORIZED = 401;

    private final HttpClient http;
    private final String endpoint;
    private final AccessTokenCache tokens;
    private final Duration timeout;

    BaselineApiClient(HttpClient http, String baseUrl, AccessTokenCache tokens, Duration timeout) {
        this.http = http;
        this.endpoint = baseUrl.replaceAll("/+$", "") + PATH;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    /** The API's answer to the PUT; an IOException when none came. */
    Answer putSeries(ValidChange change) throws IOException, InterruptedException {
        // the conferenceID is ASCII digits (validated), safe in a query string as it is
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + change.conferenceID()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(MeetingApiJson.mapper().writeValueAsBytes(change.body())));
        int attempts = 1;
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() == UNAUTHORIZED) {
            tokens.invalidate();
            attempts++;
            response = send(request);
        }
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("X-Request-Id").orElse(null), attempts);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest authorized = request.copy().setHeader(AccessTokenCache.HEADER, token()).build();
        return http.send(authorized, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** As the bridge does, waits out an authentication outage instead of dead-lettering the change. */
    private String token() {
        while (true) {
            try {
                return tokens.token();
            } catch (AuthUnavailableException e) {
                // the cache itself sleeps its backoff before the next attempt
                LOG.warn("No access token yet: {}", e.getMessage());
            }
        }
    }

    /** The API's last HTTP answer, after this many PUTs; the request id is null when the API sent none. */
    record Answer(int status, byte[] body, String requestId, int attempts) {
    }
}
