package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Steers a running simulator from another process (a demo, a benchmark):
 * <pre>
 * POST   /simulator/faults?status=S|drop[&amp;conferenceID=ID][&amp;times=N][&amp;retryAfter=SECONDS][&amp;calls=any]
 *          with conferenceID: every meeting call of that series fails N times, or always without times;
 *          without: the next N series PUTs (default 1) fail, or the next N meeting calls of any kind
 *          with calls=any. The body is MeetingErrors.typicalFor(S); drop closes the connection unanswered.
 * DELETE /simulator/faults               clears all faults, the latency and started marks; releases held creates
 * POST   /simulator/latency?millis=M     delays every meeting call
 * POST   /simulator/tokens/expire        revokes every issued token
 * POST   /simulator/auth?status=S|ok     App ID authentication fails with S, or works again
 * POST   /simulator/auth/tenants?corpId=C&amp;status=401|403|ok
 *                                        SP mode: authentication for corpId C is refused with S, or works again
 * POST   /simulator/creates/hold         series creates store their series, then wait to answer
 * POST   /simulator/creates/release      lets held creates answer, and later ones answer at once
 * POST   /simulator/started?conferenceID=ID|cycleSubConfID=OCC
 *                                        the series or occurrence runs: changing or cancelling it is refused
 * GET    /simulator/stats                call counts, overlaps and held creates as JSON
 * POST   /simulator/events?event=E&amp;conferenceID=ID[&amp;cycleSubConfID=OCC]
 *                                        pushes the event (meeting.started, meeting.end, meeting.conclude, ...)
 *                                        to the enabled event push URL, retried as Huawei does
 * POST   /simulator/app/cancel?conferenceID=ID
 *                                        the series is cancelled in the Meeting app, and meeting.cancel pushed
 * </pre>
 * It has no authentication: for demos and tests only.
 */
final class SimulatorAdminEndpoint implements HttpHandler {

    static final String PATH = "/simulator/";

    private final FaultPlan faults;
    private final TokenRegistry tokens;
    private final TrafficRecorder traffic;
    private final AppEvents appEvents;

    SimulatorAdminEndpoint(FaultPlan faults, TokenRegistry tokens, TrafficRecorder traffic, AppEvents appEvents) {
        this.appEvents = appEvents;
        this.faults = faults;
        this.tokens = tokens;
        this.traffic = traffic;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String command = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            answer(command, QueryString.parse(exchange.getRequestURI().getRawQuery())).sendTo(exchange);
        }
    }

    private ApiResponse answer(String command, QueryString query) {
        try {
            return switch (command) {
                case "POST /simulator/faults" -> injectFault(query);
                case "DELETE /simulator/faults" -> done(faults::clearAll);
                case "POST /simulator/latency" ->
                        done(() -> faults.setPutLatency(Duration.ofMillis(number(query, "millis"))));
                case "POST /simulator/tokens/expire" -> done(tokens::expireAll);
                case "POST /simulator/auth" -> "ok".equals(query.first("status").orElse(null))
                        ? done(faults::clearAuthFailure)
                        : done(() -> faults.failAuth(number(query, "status")));
                case "POST /simulator/auth/tenants" -> refuseTenant(query);
                case "POST /simulator/creates/hold" -> done(faults::holdCreates);
                case "POST /simulator/creates/release" -> done(faults::releaseCreates);
                case "POST /simulator/started" -> markStarted(query);
                case "GET /simulator/stats" -> stats();
                case "POST /simulator/events" -> done(() -> appEvents.happened(required(query, "event"),
                        required(query, "conferenceID"), query.first("cycleSubConfID").orElse(null)));
                case "POST /simulator/app/cancel" -> appEvents.cancelledInApp(required(query, "conferenceID"));
                default -> ApiResponse.error(404, MeetingErrors.API_NOT_FOUND, "no such simulator control: " + command);
            };
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, MeetingErrors.INVALID_PARAMETER, e.getMessage());
        }
    }

    private ApiResponse injectFault(QueryString query) {
        ApiResponse response = "drop".equals(query.first("status").orElse(null))
                ? ApiResponse.dropConnection()
                : MeetingErrors.typicalFor(number(query, "status"));
        Optional<String> retryAfter = query.first("retryAfter");
        if (retryAfter.isPresent()) {
            response = response.withHeader("Retry-After", retryAfter.get());
        }
        Optional<String> conferenceID = query.first("conferenceID");
        boolean limited = query.first("times").isPresent();
        int times = limited ? number(query, "times") : 1;
        if (conferenceID.isEmpty() && "any".equals(query.first("calls").orElse(null))) {
            faults.failNextCalls(times, response);
        } else if (conferenceID.isEmpty()) {
            faults.failNextPuts(times, response);
        } else if (limited) {
            faults.failConference(conferenceID.get(), response, times);
        } else {
            faults.failConferenceAlways(conferenceID.get(), response);
        }
        return ApiResponse.noContent();
    }

    private ApiResponse refuseTenant(QueryString query) {
        String corpId = query.first("corpId")
                .orElseThrow(() -> new IllegalArgumentException("query parameter corpId is required"));
        return "ok".equals(query.first("status").orElse(null))
                ? done(() -> faults.acceptTenant(corpId))
                : done(() -> faults.refuseTenant(corpId, number(query, "status")));
    }

    private ApiResponse markStarted(QueryString query) {
        Optional<String> conferenceID = query.first("conferenceID");
        Optional<String> occurrence = query.first("cycleSubConfID");
        if (conferenceID.isPresent() == occurrence.isPresent()) {
            throw new IllegalArgumentException("give either conferenceID or cycleSubConfID");
        }
        conferenceID.ifPresent(faults::markStarted);
        occurrence.ifPresent(faults::markOccurrenceStarted);
        return ApiResponse.noContent();
    }

    private ApiResponse stats() {
        ObjectNode stats = Json.MAPPER.createObjectNode()
                .put("authCalls", traffic.authCalls())
                .put("putCalls", traffic.putCalls())
                .put("liveTokens", tokens.liveCount())
                .put("putLatencyMillis", faults.putLatency().toMillis())
                .put("maxConcurrentPuts", traffic.maxConcurrentPuts())
                .put("maxCallsPerSecond", traffic.maxCallsInAnyWindow(Duration.ofSeconds(1)))
                .put("heldCreates", faults.heldCreates());
        ObjectNode byConference = stats.putObject("putCallsByConference");
        traffic.putCallsByConference().forEach(byConference::put);
        ObjectNode byOperation = stats.putObject("callsByOperation");
        traffic.callsByOperation().forEach(byOperation::put);
        traffic.overlappedConferences().forEach(stats.putArray("overlappedConferences")::add);
        return ApiResponse.json(200, stats);
    }

    private static ApiResponse done(Runnable control) {
        control.run();
        return ApiResponse.noContent();
    }

    private static String required(QueryString query, String name) {
        return query.first(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    private static int number(QueryString query, String name) {
        String value = query.first(name)
                .orElseThrow(() -> new IllegalArgumentException("query parameter " + name + " is required"));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter " + name + " must be an integer");
        }
    }
}
