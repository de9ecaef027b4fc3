package io.meetingbridge.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Optional;

/**
 * Dates and times as the API writes them, read strictly: the schema checks how they are written,
 * this checks that they exist ({@code 2026-02-30} and {@code 24:00} do not).
 */
final class CalendarText {

    /** How a date or time is written, and what to call it. */
    record Written<T>(DateTimeFormatter format, TemporalQuery<T> type, String noun) {
    }

    static final Written<LocalDate> DATE = new Written<>(strict("uuuu-MM-dd"), LocalDate::from, "date");
    static final Written<LocalDateTime> TIME = new Written<>(strict("uuuu-MM-dd HH:mm"), LocalDateTime::from, "time");

    private CalendarText() {
    }

    /**
     * What the text names, when it exists; otherwise adds {@code <path> must be a real <noun>, got "..."}.
     * Its shape has been checked by the schema.
     */
    static <T> Optional<T> existing(JsonNode text, FieldPath path, Written<T> written, List<Problem> problems) {
        try {
            return Optional.of(written.format().parse(text.textValue(), written.type()));
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, path + " must be a real " + written.noun() + ", got " + Echo.of(text)));
            return Optional.empty();
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
