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
        return weekly(changeId, conferenceId, subject, "2026-12-29");
    }

    /** The weekly series, ending on {@code endDate} instead of 2026-12-29. */
    public static String weekly(String changeId, String conferenceId, String subject, String endDate) {
        return """
                {"changeId":"%s","conferenceID":"%s","series":%s}""".formatted(changeId, conferenceId,
                weeklySeries(subject, endDate));
    }

    /** The series of {@link #weekly}: its occurrences start at 01:00 UTC on 2026-12-02, -07, -09, -14, -16, -21, -23, -28. */
    public static String weeklySeries(String subject) {
        return weeklySeries(subject, "2026-12-29");
    }

    private static String weeklySeries(String subject, String endDate) {
        return """
                {"mediaTypes":"HDVideo","subject":"%s",\
                "startTime":"2026-12-01 01:00","length":60,"timeZoneID":"56",\
                "attendees":[{"accountId":"u1","appId":"APPID","name":"Alice","role":1}],\
                "cycleParams":{"startDate":"2026-12-01","endDate":"%s","cycle":"Week","interval":1,\
                "point":[1,3],"preRemindDays":1}}""".formatted(subject, endDate);
    }

    /** A create of the weekly series under the upstream's own id. */
    public static String create(String changeId, String seriesKey, String subject) {
        return """
                {"changeId":"%s","action":"create","seriesKey":"%s","series":%s}""".formatted(changeId, seriesKey,
                weeklySeries(subject));
    }

    /** A modify of the weekly series that names it by seriesKey alone. */
    public static String modifyBySeriesKey(String changeId, String seriesKey, String subject) {
        return """
                {"changeId":"%s","action":"modify","seriesKey":"%s","series":%s}""".formatted(changeId, seriesKey,
                weeklySeries(subject));
    }

    /** Moves the occurrence that starts at {@code occurrenceStart} to {@code newStart}, 30 minutes long. */
    public static String moveOccurrence(String changeId, String seriesKey, String occurrenceStart, String newStart) {
        return """
                {"changeId":"%s","action":"modify-occurrence","seriesKey":"%s","occurrence":{"occurrenceStart":"%s",\
                "mediaTypes":"HDVideo","startTime":"%s","length":30}}""".formatted(changeId, seriesKey, occurrenceStart,
                newStart);
    }

    /** Cancels the occurrences that start at these times. */
    public static String cancelOccurrences(String changeId, String seriesKey, String... occurrenceStarts) {
        return """
                {"changeId":"%s","action":"cancel-occurrences","seriesKey":"%s","occurrenceStarts":["%s"]}"""
                .formatted(changeId, seriesKey, String.join("\",\"", occurrenceStarts));
    }

    /** Cancels the whole series, named by seriesKey. */
    public static String cancel(String changeId, String seriesKey) {
        return """
                {"changeId":"%s","action":"cancel","seriesKey":"%s"}""".formatted(changeId, seriesKey);
    }

    /** A merge patch of the series named by seriesKey; {@code patch} is the JSON object of the patch. */
    public static String patch(String changeId, String seriesKey, String patch) {
        return """
                {"changeId":"%s","action":"patch","seriesKey":"%s","patch":%s}""".formatted(changeId, seriesKey, patch);
    }

    /** The same change in SP mode, named for its enterprise. */
    public static String forTenant(String corpId, String change) {
        return "{\"corpId\":\"" + corpId + "\"," + change.strip().substring(1);
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
