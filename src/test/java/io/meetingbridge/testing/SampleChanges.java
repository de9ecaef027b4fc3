package io.meetingbridge.testing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Meeting changes as upstream systems publish them. */
public final class SampleChanges {

    private SampleChanges() {
    }

    /** A weekly series on Mondays and Wednesdays over four weeks from Tuesday 2026-12-01: 8 occurrences. */
    public static String weekly(String changeId, String conferenceId) {
        return weekly(changeId, conferenceId, "Weekly sync");
    }

    public static String weekly(String changeId, String conferenceId, String subject) {
        return """
                {"changeId":"%s","conferenceID":"%s","series":{"mediaTypes":"HDVideo","subject":"%s",\
                "startTime":"2026-12-01 01:00","length":60,"timeZoneID":"56",\
                "attendees":[{"accountId":"u1","appId":"APPID","name":"Alice","role":1}],\
                "cycleParams":{"startDate":"2026-12-01","endDate":"2026-12-29","cycle":"Week","interval":1,\
                "point":[1,3],"preRemindDays":1}}}""".formatted(changeId, conferenceId, subject);
    }

    public static ProducerRecord<byte[], byte[]> record(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key == null ? null : bytes(key), value == null ? null : bytes(value));
    }

    /** A record keyed by its conferenceID, with one header of the producer's own. */
    public static ProducerRecord<byte[], byte[]> keyed(String topic, String conferenceId, String value) {
        ProducerRecord<byte[], byte[]> record = record(topic, conferenceId, value);
        record.headers().add(new RecordHeader("trace-id", bytes("trace-" + conferenceId)));
        return record;
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
