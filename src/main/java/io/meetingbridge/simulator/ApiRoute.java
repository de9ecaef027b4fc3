package io.meetingbridge.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;

/**
 * Serves one API endpoint at one method and path, the way the real gateway frames every answer:
 * a fresh X-Request-Id on each, errors included, and the API's error body for anything else.
 */
final class ApiRoute implements HttpHandler {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final String method;
    private final String path;
    private final ApiEndpoint endpoint;

    ApiRoute(String method, String path, ApiEndpoint endpoint) {
        this.method = method;
        this.path = path;
        this.endpoint = endpoint;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange).withHeader(REQUEST_ID_HEADER, Identifiers.hex32()).sendTo(exchange);
        }
    }

    private ApiResponse answer(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the server matches contexts by prefix; the API does not
            if (!exchange.getRequestURI().getPath().equals(path) || !exchange.getRequestMethod().equals(method)) {
                return ApiResponse.error(404, MeetingErrors.API_NOT_FOUND, "The API does not exist");
            }
            return endpoint.answer(new ApiRequest(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, exchange.getRemoteAddress(), Instant.now()));
        } catch (IOException | RuntimeException e) {
            // a simulator bug still answers like the service's own failure, and names itself
            return ApiResponse.error(500, MeetingErrors.SYSTEM_FAILURE, "simulator failure: " + e.getClass().getName());
        }
    }
}
