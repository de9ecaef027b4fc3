package io.meetingbridge.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems are reported in path order: names alphabetically, indexes by number, a path before what is inside it. */
class FieldPathTest {

    private static final FieldPath SERIES = FieldPath.VALUE.field("series");

    @Test
    void pathsAreWrittenAsProducersWriteThemInCode() {
        assertThat(FieldPath.VALUE).hasToString("value");
        assertThat(SERIES.field("attendees").index(2).field("name")).hasToString("series.attendees[2].name");
        assertThat(FieldPath.VALUE.index(0).index(1)).hasToString("[0][1]");
    }

    @Test
    void pathsSortStepByStep() {
        FieldPath attendee10 = SERIES.field("attendees").index(10);
        FieldPath attendee2 = SERIES.field("attendees").index(2);
        List<FieldPath> paths = new ArrayList<>(List.of(SERIES.field("subject"), attendee10, SERIES, attendee2.field("name"),
                attendee2, FieldPath.VALUE.field("conferenceID"), FieldPath.VALUE));
        paths.sort(null);

        assertThat(paths).containsExactly(FieldPath.VALUE, FieldPath.VALUE.field("conferenceID"), SERIES, attendee2,
                attendee2.field("name"), attendee10, SERIES.field("subject"));
        assertThat(attendee2.compareTo(attendee2)).isZero();
        assertThat(attendee10.compareTo(attendee2)).isPositive();
        assertThat(SERIES.compareTo(attendee2)).isNegative();
        assertThat(SERIES.field("x").compareTo(SERIES.index(0))).as("a name against an index, as text").isPositive();
    }
}
