package io.meetingbridge.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.auth.AccessTokenCache;
import io.meetingbridge.auth.AuthMode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Registers the bridge's receiver as the enterprise's meeting event push URL through the Meeting API, with the
 * bridge's App ID token (meeting-api-facts.md, section 8): configures it (subscriber id, key and URL), enables it
 * (the API then sends the verification event, which the receiver must answer), and reads it back. In SP mode the
 * configuration names the service provider ({@code spId}); the App's own token, without corpId, is the SP admin's.
 */
public final class EventPushRegistration {

    static final String LINK_CONFIG = "/v1/mmc/management/webhook/link-config";
    static final String CHANGE_STATUS = "/v1/mmc/management/webhook/change-status";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final AccessTokenCache tokens;
    private final String subscriberId;
    private final Path subscriberKeyFile;
    private final Duration timeout;
    private final String spId;

    /** @param spId SP mode's service provider ({@code bridge.events.sp-id}); not sent in enterprise mode */
    public EventPushRegistration(HttpClient http, String baseUrl, AccessTokenCache tokens, String subscriberId,
                                 String subscriberKeyFile, Duration timeout, AuthMode mode, String spId) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.subscriberId = subscriberId;
        this.subscriberKeyFile = Path.of(subscriberKeyFile);
        this.timeout = timeout;
        this.spId = mode == AuthMode.SP ? spId.strip() : null;
    }

    /** Configures and enables the push to {@code url}; answers the configuration as the API then shows it. */
    public String register(String url) throws Exception {
        if (spId != null && spId.isEmpty()) {
            throw new IllegalStateException("bridge.events.sp-id is required when meeting.auth.mode is sp");
        }
        ObjectNode body = JSON.createObjectNode().put("subscriberId", subscriberId)
                .put("subscriberKey", Files.readString(subscriberKeyFile).strip()).put("url", url);
        if (spId != null) {
            body.put("spId", spId);
        }
        call("POST", LINK_CONFIG, HttpRequest.BodyPublishers.ofString(body.toString()));
        String id = JSON.readTree(show()).path("id").asText();
        call("PUT", CHANGE_STATUS + "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&status=1",
                HttpRequest.BodyPublishers.noBody());
        return show();
    }

    /** The push configuration as the API shows it (JSON). */
    public String show() throws Exception {
        return call("GET", LINK_CONFIG, HttpRequest.BodyPublishers.noBody());
    }

    private String call(String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header(AccessTokenCache.HEADER, tokens.token())
                .header("Content-Type", "application/json;charset=UTF-8")
                .method(method, body).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
