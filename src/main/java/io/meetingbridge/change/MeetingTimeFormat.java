package io.meetingbridge.change;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The schema's {@code format: meeting-time}: a time the API writes {@code yyyy-MM-dd HH:mm} exists
 * ({@code 2026-02-30 01:00} and {@code 24:00} do not). JSON Schema has no standard format for it. Text of
 * another shape passes here: how a time is written is the {@code pattern}'s rule, which says so in its words.
 */
final class MeetingTimeFormat implements Format {

    static final String NAME = "meeting-time";

    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}");
    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        if (!SHAPE.matcher(value).matches()) {
            return true;
        }
        try {
            WRITTEN.parse(value, LocalDateTime::from);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
