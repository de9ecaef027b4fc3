package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Huawei's side of the meeting event push (meeting-api-facts.md, section 8): signs each push with the subscriber
 * key (HMAC-SHA256 over appID, timestamp, nonce and the eventInfo text) and posts it to the subscriber's URL,
 * retrying an answer other than 200 after each of the given delays (Huawei: 30 s three times, then every 30
 * minutes for 24 hours; tests compress them). Each attempt is signed again with a new nonce and timestamp.
 */
public final class EventPusher {

    /** Huawei's own schedule of retries after a push not answered 200. */
    public static final List<Duration> HUAWEI_RETRIES = huaweiRetries();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final URI url;
    private final String subscriberId;
    private final String subscriberKey;
    private final List<Duration> retries;
    private final Clock clock;

    public EventPusher(HttpClient http, URI url, String subscriberId, String subscriberKey, List<Duration> retries,
                       Clock clock) {
        this.http = http;
        this.url = url;
        this.subscriberId = subscriberId;
        this.subscriberKey = subscriberKey;
        this.retries = List.copyOf(retries);
        this.clock = clock;
    }

    /** The eventInfo of an event about one meeting (cycleSubId may be null), as Huawei's compact JSON. */
    public static String eventInfo(String event, long timestamp, String meetingId, String meetingUuid,
                                   String cycleSubId) {
        ObjectNode info = Json.MAPPER.createObjectNode().put("event", event).put("timestamp", timestamp);
        ObjectNode payload = info.putObject("payload").put("meetingID", meetingId).put("meetingUUID", meetingUuid);
        if (cycleSubId != null) {
            payload.put("meetingCycleSubID", cycleSubId);
        }
        return info.toString();
    }

    /** The verification event that enabling the push sends. */
    public static String verifyInfo(long timestamp) {
        return Json.MAPPER.createObjectNode().put("event", "meeting.verify").put("timestamp", timestamp).toString();
    }

    /** A whole push body, eventInfo inserted as the given text: the signature covers exactly that text. */
    public String body(String eventInfo, long timestamp, String nonce) {
        String signature = HexFormat.of().formatHex(
                AppAuthSignature.hmac(subscriberKey, subscriberId + timestamp + nonce + eventInfo));
        return "{\"appID\":" + Json.MAPPER.valueToTree(subscriberId) + ",\"timestamp\":" + timestamp
                + ",\"nonce\":\"" + nonce + "\",\"signature\":\"" + signature + "\",\"eventInfo\":" + eventInfo + "}";
    }

    /** Posts the event once, freshly signed, and returns the answer. */
    public HttpResponse<String> pushOnce(String eventInfo) throws IOException, InterruptedException {
        return pushOnce(eventInfo, newNonce());
    }

    /** Posts the event once, signed now with this nonce, and returns the answer. */
    public HttpResponse<String> pushOnce(String eventInfo, String nonce) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("X-Request-ID", newNonce())
                .POST(HttpRequest.BodyPublishers.ofString(body(eventInfo, clock.millis(), nonce))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the event until it is answered 200 or the retries are spent; the last answer (null: none came). */
    public Delivery push(String eventInfo) throws InterruptedException {
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt <= retries.size(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(retries.get(attempt - 1).toMillis());
            }
            try {
                last = pushOnce(eventInfo);
                if (last.statusCode() == 200) {
                    return new Delivery(attempt + 1, last);
                }
            } catch (IOException e) {
                last = null;
            }
        }
        return new Delivery(retries.size() + 1, last);
    }

    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static List<Duration> huaweiRetries() {
        List<Duration> schedule = new ArrayList<>(List.of(
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        for (int i = 0; i < 48; i++) {
            schedule.add(Duration.ofMinutes(30));
        }
        return List.copyOf(schedule);
    }

    /** How many attempts a push took and the answer to the last one. */
    public record Delivery(int attempts, HttpResponse<String> answer) {

        public boolean delivered() {
            return answer != null && answer.statusCode() == 200;
        }
    }
}
