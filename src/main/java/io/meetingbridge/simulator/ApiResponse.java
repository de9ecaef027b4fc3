package io.meetingbridge.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One answer of the simulator: a status, extra headers and a JSON body (empty for no body).
 * Tests build their own to inject faults, for example
 * {@code ApiResponse.error(429, MeetingErrors.FLOW_CONTROL, "busy").withHeader("Retry-After", "2")}.
 */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    // not an HTTP status: the marker of an answer that never comes
    private static final int NO_ANSWER = 0;

    public ApiResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static ApiResponse json(int status, JsonNode body) {
        try {
            return new ApiResponse(status, Map.of(), Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree built in memory always serializes
        }
    }

    /** The API's error shape: {@code {"error_code": ..., "error_msg": ...}}. */
    public static ApiResponse error(int status, String errorCode, String errorMsg) {
        return json(status, Json.MAPPER.createObjectNode().put("error_code", errorCode).put("error_msg", errorMsg));
    }

    /** 200 without a body: how the API answers a cancel or an occurrence change. */
    public static ApiResponse okWithoutBody() {
        return new ApiResponse(200, Map.of(), "");
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "");
    }

    /**
     * No answer at all: the simulator reads the request, then closes the connection without sending
     * a status line, as a crashed server or a reset connection would. Clients see an IOException.
     */
    public static ApiResponse dropConnection() {
        return new ApiResponse(NO_ANSWER, Map.of(), "");
    }

    public boolean dropsConnection() {
        return status == NO_ANSWER;
    }

    /** This answer with {@code Retry-After: seconds}, as throttling and outage answers may carry. */
    public ApiResponse withRetryAfter(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        return withHeader("Retry-After", Integer.toString(seconds));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, more, body);
    }

    void sendTo(HttpExchange exchange) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        }
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length > 0 ? bytes.length : -1);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
