package io.meetingbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger's time packing agrees with java.time's strict reading of {@code yyyy-MM-dd HH:mm} (within the years an
 * int of minutes holds, about 1970 ± 4000), and round-trips.
 */
class MinuteTextTest {

    private static final DateTimeFormatter STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);

    @Test
    void everyMinuteOfALeapDayAndAYearsEndRoundTrips() {
        for (String day : new String[] {"2028-02-29", "2026-12-31", "1970-01-01", "1969-12-31", "0001-01-01", "6000-12-31"}) {
            for (int minute = 0; minute < 24 * 60; minute++) {
                String text = "%s %02d:%02d".formatted(day, minute / 60, minute % 60);
                int packed = MinuteText.minutes(text);

                assertThat(packed).as(text).isEqualTo(oracle(text));
                assertThat(MinuteText.text(packed)).isEqualTo(text);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30 10:00", "2027-02-29 10:00", "2026-12-01 24:00", "2026-12-01 10:60",
            "2026-13-01 10:00", "2026-00-01 10:00", "2026-1-01 10:00", "2026-12-01T10:00", "2026-12-01 10:00Z",
            "+2026-12-01 10:0", "2026-12-01 1a:00", "", "2026-12-01"})
    void aTimeThatIsNotTheCanonicalTextOfARealMinuteIsNone(String text) {
        assertThat(MinuteText.minutes(text)).isEqualTo(MinuteText.NONE);
    }

    @Test
    void randomTextsAgreeWithJavaTime() {
        Random random = new Random(11);
        char[] alphabet = "0123456789-: 9".toCharArray();
        for (int i = 0; i < 200_000; i++) {
            char[] text = "2026-12-01 10:00".toCharArray();
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                text[random.nextInt(text.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            String candidate = new String(text);

            assertThat(MinuteText.minutes(candidate)).as(candidate).isEqualTo(oracle(candidate));
        }
    }

    private static int oracle(String text) {
        try {
            long minutes = LocalDateTime.parse(text, STRICT).toEpochSecond(ZoneOffset.UTC) / 60;
            return minutes == (int) minutes ? (int) minutes : MinuteText.NONE; // beyond int: kept as text
        } catch (DateTimeParseException e) {
            return MinuteText.NONE;
        }
    }
}
