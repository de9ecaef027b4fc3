package io.meetingbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.change.ChangePosition;
import io.meetingbridge.change.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A replayed change keeps the place where it was first published only when its origin carries a valid seal. */
class ReplayOriginTest {

    private static final byte[] VALUE = "{\"changeId\":\"c1\"}".getBytes(StandardCharsets.UTF_8);
    private static final ChangePosition FIRST = new ChangePosition("meeting.changes", 2, 41, 1_764_547_200_000L);

    private final ReplayOrigin origins = ReplayOrigin.of("app-key");

    @Test
    void aRecordWithoutAnOriginIsWhereItIs() {
        assertThat(origins.of(record(List.of(), VALUE))).isEqualTo(new ChangePosition("meeting.changes", 0, 900, 77L));
    }

    @Test
    void aSealedOriginIsWhereTheChangeWasFirstPublished() {
        assertThat(origins.of(record(stamped(origins, VALUE), VALUE))).isEqualTo(FIRST);
    }

    @Test
    void instancesSharingTheAppKeyAcceptEachOthersSeals() {
        assertThat(ReplayOrigin.of("app-key").of(record(stamped(origins, VALUE), VALUE))).isEqualTo(FIRST);
    }

    @Test
    void anOriginIsDataUnlessItsSealFitsTheKeyTheOriginAndTheValue() {
        ChangePosition here = new ChangePosition("meeting.changes", 0, 900, 77L);
        assertThat(origins.of(record(stamped(ReplayOrigin.of("other-key"), VALUE), VALUE))).as("another key").isEqualTo(here);
        assertThat(origins.of(record(stamped(ReplayOrigin.of((String) null), VALUE), VALUE))).as("no App key").isEqualTo(here);
        assertThat(origins.of(record(stamped(ReplayOrigin.of(""), VALUE), VALUE))).as("empty App key").isEqualTo(here);
        assertThat(origins.of(record(stamped(origins, VALUE), "{}".getBytes(StandardCharsets.UTF_8))))
                .as("another value").isEqualTo(here);

        List<Header> moved = new ArrayList<>(stamped(origins, VALUE));
        moved.add(new RecordHeader(ReplayOrigin.ORIGIN, "meeting.changes:2:40:1".getBytes(StandardCharsets.UTF_8)));
        assertThat(origins.of(record(moved, VALUE))).as("the last origin counts, and it is not sealed").isEqualTo(here);

        List<Header> sealOnly = stamped(origins, VALUE).stream().filter(h -> h.key().equals(ReplayOrigin.SEAL)).toList();
        assertThat(origins.of(record(sealOnly, VALUE))).as("a seal without an origin").isEqualTo(here);
        List<Header> originOnly = stamped(origins, VALUE).stream().filter(h -> h.key().equals(ReplayOrigin.ORIGIN)).toList();
        assertThat(origins.of(record(originOnly, VALUE))).as("an origin without a seal").isEqualTo(here);

        List<Header> upperCase = stamped(origins, VALUE).stream()
                .map(h -> (Header) new RecordHeader(h.key().toUpperCase(), h.value())).toList();
        assertThat(origins.of(record(upperCase, VALUE))).as("the bridge writes its names in lower case").isEqualTo(here);
    }

    @Test
    void instancesWithoutAnAppKeyShareNoSealKey() {
        ReplayOrigin keyless = ReplayOrigin.of("");
        assertThat(ReplayOrigin.of("").of(record(stamped(keyless, VALUE), VALUE))).isNotEqualTo(FIRST);
        assertThat(keyless.of(record(stamped(keyless, VALUE), VALUE))).isEqualTo(FIRST);
    }

    @Test
    void theSealKeepsTheOriginAndTheValueApart() {
        // the origin's last digit moved to the front of the value: the same bytes in a row, another record
        byte[] value = "5{}".getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>();
        for (Header header : stamped(origins, value)) {
            headers.add(header.key().equals(ReplayOrigin.ORIGIN)
                    ? new RecordHeader(ReplayOrigin.ORIGIN, (FIRST.text() + "5").getBytes(StandardCharsets.UTF_8))
                    : header);
        }
        assertThat(origins.of(record(headers, "{}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new ChangePosition("meeting.changes", 0, 900, 77L));
    }

    @Test
    void aTombstoneCanCarryASealedOriginToo() {
        assertThat(origins.of(record(stamped(origins, null), null))).isEqualTo(FIRST);
        assertThat(origins.of(record(stamped(origins, new byte[0]), null))).as("no value is not an empty one")
                .isEqualTo(FIRST);
    }

    @Test
    void aHeaderWithoutAValueIsIgnored() {
        List<Header> headers = new ArrayList<>(stamped(origins, VALUE));
        headers.add(new RecordHeader(ReplayOrigin.SEAL, null));
        assertThat(origins.of(record(headers, VALUE))).isEqualTo(FIRST);
    }

    private static List<Header> stamped(ReplayOrigin sealer, byte[] value) {
        Headers headers = new RecordHeaders();
        sealer.stamp(headers, FIRST, value);
        List<Header> list = new ArrayList<>();
        headers.forEach(list::add);
        return list;
    }

    private static SourceRecord record(List<Header> headers, byte[] value) {
        return new SourceRecord("meeting.changes", 0, 900, 77L, null, value, headers);
    }
}
