package io.meetingbridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

/** Jolokia's JSON protocol over plain HTTP: one request object POSTed, Jolokia's answer (status inside) back. */
public final class JolokiaClient {

    public static final String PATH = "/observe/jolokia";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String authorization;

    private JolokiaClient(URI endpoint, String authorization) {
        this.endpoint = endpoint;
        this.authorization = authorization;
    }

    public static JolokiaClient of(RunningBridge bridge) {
        return at(bridge.managementUrl());
    }

    /** Jolokia of the management server at this URL, e.g. {@code http://127.0.0.1:9876}. */
    public static JolokiaClient at(String managementUrl) {
        return new JolokiaClient(URI.create(managementUrl + PATH + "/"), null);
    }

    /** The same client sending HTTP basic credentials. */
    public JolokiaClient as(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        return new JolokiaClient(endpoint, "Basic " + credentials);
    }

    /** Jolokia's answer, e.g. {@code {"status":200,"value":...}} or {@code {"status":403,"error_type":...}}. */
    public JsonNode send(Map<String, ?> request) {
        HttpResponse<String> response = post(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from Jolokia: " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP answer itself, for what happens before Jolokia (authentication). */
    public HttpResponse<String> post(Map<String, ?> request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.valueToTree(request).toString()));
        if (authorization != null) {
            http.header("Authorization", authorization);
        }
        return HttpCalls.send(HTTP, http.build());
    }

    public JsonNode read(String mbean, String attribute) {
        return send(Map.of("type", "read", "mbean", mbean, "attribute", attribute));
    }
}
