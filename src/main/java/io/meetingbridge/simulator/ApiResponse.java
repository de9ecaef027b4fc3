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

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "");
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
