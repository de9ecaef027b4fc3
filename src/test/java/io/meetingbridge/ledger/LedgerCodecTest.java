package io.meetingbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.change.ChangePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ledger value reads back as it was written, whatever form the API gave its occurrence ids and times; and
 * the stored format is fixed: the samples under {@code ledger/} are values as the bridge writes them today,
 * and a ledger topic written by one version must be read by the next. A change of the format fails here.
 */
class LedgerCodecTest {

    private static final List<KnownOccurrence> OCCURRENCES = List.of(
            new KnownOccurrence("a1b2c3d4e5f60718293a4b5c6d7e8f90", "2026-12-02 01:00", "2026-12-02 02:00", false),
            new KnownOccurrence("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "2026-12-07 01:00", "2026-12-07 01:30", true),
            new KnownOccurrence("überall-42", "2026-12-09T01:00:00Z", null, false),
            new KnownOccurrence("", "2026-02-30 01:00", "2026-12-09 02:00", false));
    private static final SeriesEntry ACTIVE = new SeriesEntry(null, "crm-7731", "914087436", SeriesState.ACTIVE, "crm-7731-v3",
            new ChangePosition("meeting.changes", 2, 41, 1_764_547_200_000L), OCCURRENCES);
    private static final SeriesEntry CANCELLED = new SeriesEntry(null, "crm-1", "900", SeriesState.CANCELLED, "v9",
            new ChangePosition("meeting.changes", 0, 9, 9L), List.of());
    private static final SeriesEntry CREATING = SeriesEntry.creating(null, "crm-1", CANCELLED);

    @Test
    void anEntryReadsBackEqualWithItsOccurrencesInOrder() throws Exception {
        SeriesEntry read = LedgerCodec.read(LedgerCodec.write(ACTIVE));

        assertThat(read.occurrences()).containsExactlyElementsOf(OCCURRENCES);
        assertThat(read).usingRecursiveComparison().isEqualTo(ACTIVE);
        assertThat(LedgerCodec.tree(read)).isEqualTo(LedgerCodec.tree(ACTIVE));
    }

    @Test
    void aCreateUnderWayHasNoConferenceIdAndKeepsTheLastAppliedChangeOfTheSeriesItReplaces() throws Exception {
        SeriesEntry read = LedgerCodec.read(LedgerCodec.write(CREATING));

        assertThat(read.conferenceID()).isNull();
        assertThat(read.state()).isEqualTo(SeriesState.CREATING);
        assertThat(read.lastApplied()).isEqualTo(CANCELLED.lastApplied());
        assertThat(read.key()).isEqualTo("crm-1");
        assertThat(LedgerCodec.tree(read).has("conferenceID")).isFalse();
    }

    @Test
    void aValueWrittenBeforeSpModeReadsAsEnterpriseModeUnderItsOldKey() throws Exception {
        byte[] enterpriseModeValue = ("{\"seriesKey\":\"crm-7731\",\"conferenceID\":\"914087436\",\"state\":\"active\","
                + "\"lastChangeId\":\"crm-7731-v3\",\"lastApplied\":{\"topic\":\"meeting.changes\",\"partition\":2,"
                + "\"offset\":41,\"timestamp\":1764547200000},\"occurrences\":[]}").getBytes(StandardCharsets.UTF_8);

        SeriesEntry read = LedgerCodec.read(enterpriseModeValue);

        assertThat(read.tenant()).isNull();
        assertThat(read.key()).isEqualTo("crm-7731");
        assertThat(LedgerCodec.tree(read).has("corpId")).isFalse();
        assertThat(LedgerCodec.write(read)).isEqualTo(enterpriseModeValue);
    }

    @Test
    void aTenantsSeriesIsKeyedWithinItsTenantAndKeepsItThroughTheTopic() throws Exception {
        SeriesEntry acme = new SeriesEntry("acme", "crm-7731", "914087436", SeriesState.ACTIVE, null, null, List.of());
        SeriesEntry globex = new SeriesEntry("globex", "crm-7731", null, SeriesState.CREATING, null, null, List.of());

        SeriesEntry read = LedgerCodec.read(LedgerCodec.write(acme));

        assertThat(read.tenant()).isEqualTo("acme");
        assertThat(read.key()).isEqualTo("acme/crm-7731").isNotEqualTo(globex.key());
        assertThat(new SeriesEntry("acme", null, "914087436", SeriesState.ACTIVE, null, null, List.of()).key())
                .isEqualTo("acme/914087436");
    }

    @Test
    void anActiveSeriesAsStoredTodayIsReadAndWrittenByteForByte() throws Exception {
        byte[] stored = sample("active-series.json");

        assertThat(LedgerCodec.read(stored).occurrences()).containsExactlyElementsOf(OCCURRENCES);
        assertThat(LedgerCodec.read(stored)).usingRecursiveComparison().isEqualTo(ACTIVE);
        assertThat(LedgerCodec.write(ACTIVE)).asString(StandardCharsets.UTF_8)
                .isEqualTo(new String(stored, StandardCharsets.UTF_8));
    }

    @Test
    void aCreateUnderWayAsStoredTodayIsReadAndWrittenByteForByte() throws Exception {
        byte[] stored = sample("creating-series.json");

        assertThat(LedgerCodec.read(stored)).usingRecursiveComparison().isEqualTo(CREATING);
        assertThat(LedgerCodec.write(CREATING)).asString(StandardCharsets.UTF_8)
                .isEqualTo(new String(stored, StandardCharsets.UTF_8));
    }

    /** A stored value, without the line end the file keeps for the sake of editors. */
    private static byte[] sample(String name) throws IOException {
        try (InputStream in = LedgerCodecTest.class.getResourceAsStream("/ledger/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFieldsConfDetailDoesNotShowReadBackAndTooManyAreOnlyMarkedAsNotKept() throws Exception {
        ObjectNode sent = JsonNodeFactory.instance.objectNode().put("groupuri", "g1");
        sent.putArray("attendees").addObject().put("accountId", "u1").put("appId", "APPID").put("name", "Alice");
        SeriesEntry entry = new SeriesEntry(null, "crm-7731", "914087436", SeriesState.ACTIVE, null, null, List.of(),
                UnshownFields.of(sent, 16 * 1024));

        SeriesEntry read = LedgerCodec.read(LedgerCodec.write(entry));

        assertThat(read.unshown().tree()).isEqualTo(sent);
        assertThat(read.unshown().omitted()).isFalse();

        ObjectNode tooMany = JsonNodeFactory.instance.objectNode().put("groupuri", "g".repeat(16 * 1024));
        SeriesEntry notKept = LedgerCodec.read(LedgerCodec.write(new SeriesEntry(null, "crm-1", "900",
                SeriesState.ACTIVE, null, null, List.of(), UnshownFields.of(tooMany, 16 * 1024))));
        assertThat(notKept.unshown()).isEqualTo(new UnshownFields(null, true));
        assertThat(LedgerCodec.tree(notKept).has("unshown")).isFalse();
    }

    @Test
    void theBoundIsInclusiveAndASettingOutsideItsRangeIsRefused() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("groupuri", "g1");
        int size = fields.toString().length();

        assertThat(UnshownFields.of(fields, size).json()).isEqualTo(fields.toString());
        assertThat(UnshownFields.of(fields, size - 1)).isEqualTo(new UnshownFields(null, true));
        assertThat(UnshownFields.checkedBound(UnshownFields.HIGHEST_BOUND)).isEqualTo(UnshownFields.HIGHEST_BOUND);
        assertThatThrownBy(() -> UnshownFields.checkedBound(UnshownFields.HIGHEST_BOUND + 1))
                .hasMessageContaining("bridge.ledger.unshown-max-bytes is 524289");
        assertThatThrownBy(() -> UnshownFields.checkedBound(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
