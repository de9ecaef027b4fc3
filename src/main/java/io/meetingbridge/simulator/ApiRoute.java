package io.meetingbridge.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Serves the API endpoints of one path, one per method, the way the real gateway frames every
 * answer: a fresh X-Request-Id on each, errors included, and the API's error body for anything else.
 * Every call is entered in the traffic record from its receipt until its answer is ready.
 */
final class ApiRoute implements HttpHandler {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final String path;
    private final Map<String, ApiEndpoint> endpointsByMethod;
    private final TrafficRecorder traffic;
    private final boolean meetingCalls;

    /** @param meetingCalls whether the path serves meeting calls (its POST, PUT and DELETE count as modifying) */
    ApiRoute(String path, Map<String, ApiEndpoint> endpointsByMethod, TrafficRecorder traffic, boolean meetingCalls) {
        this.path = path;
        this.endpointsByMethod = Map.copyOf(endpointsByMethod);
        this.traffic = traffic;
        this.meetingCalls = meetingCalls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        // the server matches contexts by prefix; the API does not
        ApiEndpoint endpoint = exchange.getRequestURI().getPath().equals(path) ? endpointsByMethod.get(method) : null;
        String rawQuery = exchange.getRequestURI().getRawQuery();
        try (exchange) {
            ApiResponse response;
            try (OpenCall call = traffic.callReceived(endpoint == null ? null : method + " " + path,
                    QueryString.parse(rawQuery).first(ConferenceQuery.CONFERENCE_ID).orElse(null),
                    meetingCalls && !"GET".equals(method))) {
                // the call closes before its answer leaves: a client may send its next call the moment it reads it
                response = answer(exchange, endpoint, rawQuery);
            }
            if (!response.dropsConnection()) {
                response.withHeader(REQUEST_ID_HEADER, Identifiers.hex32()).sendTo(exchange);
            }
            // else closing an exchange that sent no headers closes its connection: the client reads no answer
        }
    }

    private static ApiResponse answer(HttpExchange exchange, ApiEndpoint endpoint, String rawQuery) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (endpoint == null) {
                return ApiResponse.error(404, MeetingErrors.API_NOT_FOUND, "The API does not exist");
            }
            return endpoint.answer(new ApiRequest(rawQuery, exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress(), Instant.now()));
        } catch (InvalidFieldException e) {
            return MeetingErrors.invalidParameter(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // a simulator bug still answers like the service's own failure, and names itself
            return ApiResponse.error(500, MeetingErrors.SYSTEM_FAILURE, "simulator failure: " + e.getClass().getName());
        }
    }
}
