package io.meetingbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.simulator.EventPusher;
import io.meetingbridge.testing.RunningBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The receiver over real HTTP in front of the in-JVM broker: the handshake, each event once, and every refusal. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EventReceiverTest {

    private static final String JSON = "application/json;charset=UTF-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static EventsRig rig;
    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws IOException {
        rig = new EventsRig(2);
        bridge = rig.start(Map.of("bridge.events.max-concurrent", "2", "bridge.events.read-timeout-ms", "1000"));
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    @Test
    void verificationIsAnsweredWithItsNonceAndNotWritten() throws Exception {
        long before = rig.written();
        String body = rig.signed(bridge, EventsRig.SUBSCRIBER_ID, EventsRig.SUBSCRIBER_KEY,
                EventPusher.verifyInfo(System.currentTimeMillis()), System.currentTimeMillis());

        HttpResponse<String> answer = rig.post(bridge, "POST", JSON, body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(answer.body()))
                .isEqualTo(MAPPER.readTree("{\"event\":\"meeting.verify\",\"nonce\":\"85262798\"}"));
        assertThat(rig.written()).isEqualTo(before);
    }

    @Test
    void eachEventIsWrittenOnceWithItsHeadersAndItsBytesAsReceived() throws Exception {
        EventPusher pusher = rig.pusher(bridge, List.of());
        String started = EventsRig.eventInfo("meeting.started", "914001", "sub-1");
        // pretty-printed with tabs, as in Huawei's example: the signature and the record keep these bytes
        String ended = "{\n\t\"event\": \"meeting.end\",\n\t\"timestamp\": 1700000000000,\n\t\"payload\": {\n"
                + "\t\t\"meetingID\": \"914001\",\n\t\t\"meetingUUID\": \"uuid-914001\",\n\t\t\"meetingCycleSubID\": \"sub-1\"\n\t}\n}";
        String concluded = EventsRig.eventInfo("meeting.conclude", "914001", null);
        String unknown = EventsRig.eventInfo("record.finish", "914002", null);
        long before = rig.written();

        for (String info : List.of(started, ended, concluded, unknown)) {
            HttpResponse<String> answer = pusher.pushOnce(info);
            assertThat(answer.statusCode()).as(info).isEqualTo(200);
            assertThat(answer.body()).contains("written");
        }
        // Huawei signs the same event again with a new nonce and timestamp: answered, not written again
        assertThat(pusher.pushOnce(started).body()).contains("duplicate");
        assertThat(pusher.pushOnce(ended).body()).contains("duplicate");

        List<ConsumerRecord<byte[], byte[]>> records = rig.records((int) before + 4);
        assertThat(rig.written()).isEqualTo(before + 4);
        ConsumerRecord<byte[], byte[]> start = only(records, "meeting.started", "914001");
        assertThat(new String(start.key(), StandardCharsets.UTF_8)).isEqualTo("914001");
        assertThat(new String(start.value(), StandardCharsets.UTF_8)).isEqualTo(started);
        assertThat(header(start, EventRecords.CONFERENCE_ID)).isEqualTo("914001");
        assertThat(header(start, EventRecords.UUID)).isEqualTo("uuid-914001");
        assertThat(header(start, EventRecords.CYCLE_SUB_CONF_ID)).isEqualTo("sub-1");
        assertThat(header(start, EventRecords.EVENT_TIMESTAMP)).isEqualTo("1700000000000");
        assertThat(header(start, EventRecords.NONCE)).hasSize(32);
        ConsumerRecord<byte[], byte[]> end = only(records, "meeting.end", "914001");
        assertThat(new String(end.value(), StandardCharsets.UTF_8)).isEqualTo(ended);
        ConsumerRecord<byte[], byte[]> conclude = only(records, "meeting.conclude", "914001");
        assertThat(conclude.headers().lastHeader(EventRecords.CYCLE_SUB_CONF_ID)).isNull();
        assertThat(only(records, "record.finish", "914002").value()).isEqualTo(unknown.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameBytesSentAgainAreNotWrittenAgain() throws Exception {
        String body = rig.signed(bridge, EventsRig.SUBSCRIBER_ID, EventsRig.SUBSCRIBER_KEY,
                EventsRig.eventInfo("meeting.started", "914003", "sub-3"), System.currentTimeMillis());
        long before = rig.written();

        assertThat(rig.post(bridge, "POST", JSON, body).body()).contains("written");
        assertThat(rig.post(bridge, "POST", JSON, body).body()).contains("duplicate");

        assertThat(rig.written()).isEqualTo(before + 1);
    }

    @Test
    void everyHostilePushIsRefusedWithItsStatusAndNothingIsWritten() throws Exception {
        long now = System.currentTimeMillis();
        String info = EventsRig.eventInfo("meeting.started", "914100", "sub-100");
        String genuine = rig.signed(bridge, EventsRig.SUBSCRIBER_ID, EventsRig.SUBSCRIBER_KEY, info, now);
        String huge = genuine.replace("\"payload\":{", "\"payload\":{\"pad\":\"" + "x".repeat(70_000) + "\",");
        long before = rig.written();

        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("bad signature", status("POST", JSON, genuine.replaceFirst("\"signature\":\"(.)", "\"signature\":\"$1x")));
        cases.put("no signature", status("POST", JSON, genuine.replaceFirst("\"signature\":\"[0-9a-f]+\",", "")));
        cases.put("eventInfo changed after signing", status("POST", JSON, genuine.replace("914100", "914101")));
        cases.put("eventInfo re-serialised", status("POST", JSON, genuine.replace("\"event\":", "\"event\" :")));
        cases.put("other appID", status("POST", JSON, rig.signed(bridge, "someone-else", EventsRig.SUBSCRIBER_KEY, info, now)));
        cases.put("other key", status("POST", JSON, rig.signed(bridge, EventsRig.SUBSCRIBER_ID, "guessed", info, now)));
        cases.put("too old", status("POST", JSON, rig.signed(bridge, EventsRig.SUBSCRIBER_ID, EventsRig.SUBSCRIBER_KEY, info,
                now - Duration.ofHours(25).plusMinutes(1).toMillis())));
        cases.put("too far ahead", status("POST", JSON, rig.signed(bridge, EventsRig.SUBSCRIBER_ID, EventsRig.SUBSCRIBER_KEY,
                info, now + Duration.ofMinutes(6).toMillis())));
        cases.put("too large", status("POST", JSON, huge));
        cases.put("not JSON", status("POST", JSON, "appID=1&signature=2"));
        cases.put("an array", status("POST", JSON, "[" + genuine + "]"));
        cases.put("duplicate key", status("POST", JSON, genuine.replace("{\"appID\"", "{\"nonce\":\"1\",\"appID\"")));
        cases.put("duplicate key in eventInfo", status("POST", JSON, genuine.replace("\"payload\":{", "\"event\":\"x\",\"payload\":{")));
        cases.put("trailing data", status("POST", JSON, genuine + "{}"));
        cases.put("no eventInfo", status("POST", JSON, "{\"appID\":\"1988692299\"}"));
        cases.put("UTF-16", rig.http.send(HttpRequest.newBuilder(EventsRig.url(bridge)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(genuine, StandardCharsets.UTF_16BE)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        cases.put("GET", status("GET", null, ""));
        cases.put("text/plain", status("POST", "text/plain", genuine));
        cases.put("JSON in another charset", status("POST", "application/json;charset=ISO-8859-1", genuine));
        cases.put("405 before 415 and 413", status("PUT", "text/plain", huge));
        cases.put("415 before 413", status("POST", "text/plain", huge));
        cases.put("413 before 400", status("POST", JSON, "[" + huge));
        cases.put("400 before 401", status("POST", JSON, genuine.replace("{\"appID\"", "{\"nonce\":\"1\",\"appID\"")
                .replaceFirst("\"signature\":\"[0-9a-f]+\",", "")));

        assertThat(cases).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("bad signature", 401), Map.entry("no signature", 401),
                Map.entry("eventInfo changed after signing", 401), Map.entry("eventInfo re-serialised", 401),
                Map.entry("other appID", 401), Map.entry("other key", 401), Map.entry("too old", 401),
                Map.entry("too far ahead", 401), Map.entry("too large", 413), Map.entry("not JSON", 400),
                Map.entry("an array", 400), Map.entry("duplicate key", 400), Map.entry("duplicate key in eventInfo", 400),
                Map.entry("trailing data", 400), Map.entry("no eventInfo", 400), Map.entry("UTF-16", 400), Map.entry("GET", 405),
                Map.entry("text/plain", 415), Map.entry("JSON in another charset", 415),
                Map.entry("405 before 415 and 413", 405), Map.entry("415 before 413", 415),
                Map.entry("413 before 400", 413), Map.entry("400 before 401", 400)));
        assertThat(rig.written()).isEqualTo(before);
        // the genuine push itself passes: the refusals were for their faults alone
        assertThat(status("POST", JSON, genuine)).isEqualTo(200);
        assertThat(rig.written()).isEqualTo(before + 1);
    }

    @Test
    void pushesOfOneEventAtOnceAreWrittenOnce() throws Exception {
        String body = rig.signed(bridge, EventsRig.SUBSCRIBER_ID, EventsRig.SUBSCRIBER_KEY,
                EventsRig.eventInfo("meeting.started", "914400", "sub-400"), System.currentTimeMillis());
        long before = rig.written();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(rig.http.sendAsync(HttpRequest.newBuilder(EventsRig.url(bridge))
                    .header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        List<String> results = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            results.add(answer.get().body());
        }
        assertThat(results).filteredOn(r -> r.contains("written")).hasSize(1);
        assertThat(rig.written()).isEqualTo(before + 1);
    }

    @Test
    void aSlowClientIsCutOffAndTooManyAtOnceAreAnswered503() throws Exception {
        long before = rig.written();
        try (Socket first = slowPush(); Socket second = slowPush()) {
            String third = rig.signed(bridge, EventsRig.SUBSCRIBER_ID, EventsRig.SUBSCRIBER_KEY,
                    EventsRig.eventInfo("meeting.started", "914200", null), System.currentTimeMillis());
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> status("POST", JSON, third) == 503 || rig.written() > before);
            assertThat(rig.written()).isEqualTo(before);

            assertThat(statusLine(first)).startsWith("HTTP/1.1 408");
            assertThat(statusLine(second)).startsWith("HTTP/1.1 408");
            assertThat(status("POST", JSON, third)).isEqualTo(200);
        }
        assertThat(rig.written()).isEqualTo(before + 1);
    }

    @Test
    void pushesAreCountedByEventAndOutcomeAndRefusalsByReason() throws Exception {
        String written = "event=\"meeting.conclude\",outcome=\"written\",reason=\"none\"";
        String duplicate = "event=\"meeting.conclude\",outcome=\"duplicate\",reason=\"none\"";
        String refused = "event=\"unauthenticated\",outcome=\"refused\",reason=\"signature\"";
        Map<String, Double> before = counts(written, duplicate, refused);
        String body = rig.signed(bridge, EventsRig.SUBSCRIBER_ID, EventsRig.SUBSCRIBER_KEY,
                EventsRig.eventInfo("meeting.conclude", "914300", null), System.currentTimeMillis());

        status("POST", JSON, body);
        status("POST", JSON, body);
        status("POST", JSON, body.replaceFirst("\"signature\":\"(.)", "\"signature\":\"$1x"));

        Map<String, Double> after = counts(written, duplicate, refused);
        assertThat(after.get(written) - before.get(written)).isEqualTo(1.0);
        assertThat(after.get(duplicate) - before.get(duplicate)).isEqualTo(1.0);
        assertThat(after.get(refused) - before.get(refused)).isEqualTo(1.0);
        assertThat(metrics()).contains("meeting_bridge_events_write_seconds_count");
    }

    /** The value of meeting_bridge_events_received_total for each label set (0 when not served yet). */
    private static Map<String, Double> counts(String... labels) throws Exception {
        String metrics = metrics();
        Map<String, Double> counts = new HashMap<>();
        for (String label : labels) {
            Matcher line = Pattern.compile("(?m)^meeting_bridge_events_received_total\\{"
                    + Pattern.quote(label) + "[^}]*} (\\S+)$").matcher(metrics);
            counts.put(label, line.find() ? Double.parseDouble(line.group(1)) : 0.0);
        }
        return counts;
    }

    private static String metrics() throws Exception {
        return rig.http.send(HttpRequest.newBuilder(URI.create(bridge.managementUrl()
                + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Sends the headers and the first bytes of a body, then nothing: it holds one of the two places. */
    private static Socket slowPush() throws IOException {
        Socket socket = new Socket("127.0.0.1", EventsRig.url(bridge).getPort());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /meeting/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 500\r\n\r\n{\"appID\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static int status(String method, String contentType, String body) throws Exception {
        return rig.post(bridge, method, contentType, body).statusCode();
    }

    private static ConsumerRecord<byte[], byte[]> only(List<ConsumerRecord<byte[], byte[]>> records, String event,
                                                       String meetingId) {
        List<ConsumerRecord<byte[], byte[]>> matching = records.stream()
                .filter(r -> header(r, EventRecords.EVENT).equals(event) && header(r, EventRecords.CONFERENCE_ID).equals(meetingId))
                .toList();
        assertThat(matching).as(event + " of " + meetingId).hasSize(1);
        return matching.get(0);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
