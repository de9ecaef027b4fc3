package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * A PUT body read with the limits the real service documents: the parts that shape the answer, and
 * the whole body for the fields that are only echoed. The checks are the simulator's own, kept
 * independent of the bridge's validator so that each can catch the other's mistakes.
 *
 * @param startTimeOfDay when each occurrence starts; midnight when the body has no startTime
 */
record SeriesRequest(JsonNode body, String mediaTypes, LocalTime startTimeOfDay, int lengthMinutes,
                     CycleRule cycleRule) {

    static final int DEFAULT_LENGTH_MINUTES = 30;

    static final List<String> MEDIA_TYPES = List.of("Voice", "HDVideo");
    private static final List<String> LANGUAGES = List.of("zh-CN", "en-US");

    static SeriesRequest parse(JsonNode body) throws InvalidFieldException {
        BodyFields series = new BodyFields(body);
        String mediaTypes = series.requiredOneOf("mediaTypes", MEDIA_TYPES);
        int length = series.optionalInt("length", 15, 1440).orElse(DEFAULT_LENGTH_MINUTES);
        series.optionalText("subject", 128);
        series.optionalOneOf("language", LANGUAGES);
        series.optionalInt("recordType", 0, 3);
        LocalTime startTimeOfDay = series.optionalDateTime("startTime")
                .map(LocalDateTime::toLocalTime)
                .orElse(LocalTime.MIDNIGHT);
        return new SeriesRequest(body, mediaTypes, startTimeOfDay, length,
                cycleRule(series.requiredObject("cycleParams")));
    }

    private static CycleRule cycleRule(BodyFields cycleParams) throws InvalidFieldException {
        LocalDate startDate = cycleParams.requiredDate("startDate");
        LocalDate endDate = cycleParams.requiredDate("endDate");
        String cycleName = cycleParams.requiredText("cycle");
        Cycle cycle = Cycle.fromApiName(cycleName)
                .orElseThrow(() -> cycleParams.invalid("cycle", "must be Day, Week or Month"));
        int interval = cycleParams.optionalInt("interval").orElse(1);
        List<Integer> points = cycleParams.optionalIntList("point");
        cycleParams.optionalInt("preRemindDays", 0, 30);
        try {
            return new CycleRule(startDate, endDate, cycle, interval, points);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(e.getMessage());
        }
    }
}
