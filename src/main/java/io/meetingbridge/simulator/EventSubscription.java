package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The enterprise's meeting event push configuration (meeting-api-facts.md, section 8) and the pushes it makes:
 * configured by POST, read by GET, enabled by PUT change-status once the subscriber echoed the verification
 * event's nonce. While enabled, events are pushed one at a time, each retried on the schedule given.
 */
final class EventSubscription implements AutoCloseable {

    static final String PATH = "/v1/mmc/management/webhook/link-config";
    static final String STATUS_PATH = "/v1/mmc/management/webhook/change-status";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService pushing = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "meeting-api-simulator-event-push");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Duration> retries;
    private final String spId;
    private final TokenRegistry tokens;
    private volatile Registration registration;

    /** @param spId the service provider the simulator plays (SP mode), null for one enterprise */
    EventSubscription(List<Duration> retries, String spId, TokenRegistry tokens) {
        this.retries = List.copyOf(retries);
        this.spId = spId;
        this.tokens = tokens;
    }

    /**
     * POST link-config: {subscriberId, subscriberKey, url, corpId | spId}; 200 without a body, pushes stay off.
     * As a service provider's, it needs the SP's {@code spId} and the SP admin's token (one issued without corpId).
     */
    ApiResponse configure(ApiRequest request) throws InvalidFieldException {
        JsonNode body = request.requiredJsonObject();
        if (spId != null) {
            if (!spId.equals(body.path("spId").asText(null))) {
                throw new InvalidFieldException("spId must name the service provider in SP mode");
            }
            if (!TokenRegistry.NO_TENANT.equals(tokens.tenantOf(request.header(MeetingCallGuard.ACCESS_TOKEN_HEADER)))) {
                return ApiResponse.error(403, MeetingErrors.OTHER_TENANT, "only the SP admin configures the SP's push");
            }
        }
        String url = text(body, "url");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new InvalidFieldException("url must be an https URL");
        }
        registration = new Registration(UUID.randomUUID().toString(), text(body, "subscriberId"),
                text(body, "subscriberKey"), URI.create(url), false);
        return ApiResponse.okWithoutBody();
    }

    /** GET link-config: the configuration without its key; 404 when there is none. */
    ApiResponse read(ApiRequest request) {
        Registration current = registration;
        if (current == null) {
            return MeetingErrors.meetingNotFound();
        }
        ObjectNode view = Json.MAPPER.createObjectNode().put("id", current.id())
                .put("subscriberId", current.subscriberId()).put("url", current.url().toString())
                .put("status", current.enabled() ? 1 : 0);
        return ApiResponse.json(200, view);
    }

    /** PUT change-status?id=&status=1|0: enabling sends meeting.verify and needs its nonce echoed. */
    ApiResponse changeStatus(ApiRequest request) throws InvalidFieldException {
        Registration current = registration;
        QueryString query = request.query();
        if (current == null || !current.id().equals(query.first("id").orElse(null))) {
            throw new InvalidFieldException("id does not name the event push configuration");
        }
        boolean enable = "1".equals(query.first("status").orElse(null));
        if (enable && !verified(current)) {
            return ApiResponse.error(400, MeetingErrors.INVALID_PARAMETER,
                    "the push URL did not answer the verification event with its nonce");
        }
        registration = current.withEnabled(enable);
        return ApiResponse.okWithoutBody();
    }

    /** Pushes an event in the background, with retries; completes with the delivery, or null when pushes are off. */
    CompletableFuture<EventPusher.Delivery> push(String eventInfo) {
        Registration current = registration;
        if (current == null || !current.enabled()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return current.pusher(http, retries).push(eventInfo);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }, pushing);
    }

    private boolean verified(Registration current) {
        try {
            String nonce = EventPusher.newNonce();
            HttpResponse<String> answer = current.pusher(http, List.of())
                    .pushOnce(EventPusher.verifyInfo(Clock.systemUTC().millis()), nonce);
            JsonNode echo = Json.MAPPER.readTree(answer.body());
            return answer.statusCode() == 200 && "meeting.verify".equals(echo.path("event").asText())
                    && nonce.equals(echo.path("nonce").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String text(JsonNode body, String field) throws InvalidFieldException {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidFieldException(field + " is required");
        }
        return value.asText();
    }

    @Override
    public void close() {
        pushing.shutdownNow();
    }

    private record Registration(String id, String subscriberId, String subscriberKey, URI url, boolean enabled) {

        Registration withEnabled(boolean enabled) {
            return new Registration(id, subscriberId, subscriberKey, url, enabled);
        }

        EventPusher pusher(HttpClient http, List<Duration> retries) {
            return new EventPusher(http, url, subscriberId, subscriberKey, retries, Clock.systemUTC());
        }
    }
}
