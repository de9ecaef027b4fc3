package io.meetingbridge.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.ledger.SeriesState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The bridge's series ledger as its topic holds it now: the last value of each key (a tombstone removes it),
 * and when each change was first recorded as its series' last applied one (the bridge's acknowledgement that
 * it applied the change; the test broker does not compact the topic while a test runs).
 */
final class SeriesLedgerView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> entries = new HashMap<>();
    private final Map<String, Long> acknowledgedAt = new HashMap<>();

    private SeriesLedgerView() {
    }

    /** Reads the ledger topic from its beginning to its end; empty while the bridge has not created it. */
    static SeriesLedgerView read(BridgeRig rig) {
        SeriesLedgerView view = new SeriesLedgerView();
        rig.admin.readToEnd(rig.topics.series(), view::add);
        return view;
    }

    /** The view of these ledger records, in their order: what a checker's own test feeds it. */
    static SeriesLedgerView of(List<ConsumerRecord<byte[], byte[]>> records) {
        SeriesLedgerView view = new SeriesLedgerView();
        records.forEach(view::add);
        return view;
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            entries.remove(key);
            return;
        }
        JsonNode entry;
        try {
            entry = JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("a ledger value that is not JSON under key " + key, e);
        }
        entries.put(key, entry);
        // a "creating" entry is written before its create is applied, and carries the change before it
        if (entry.hasNonNull("lastChangeId") && !SeriesState.CREATING.wireName().equals(entry.path("state").asText())) {
            acknowledgedAt.putIfAbsent(entry.get("lastChangeId").asText(), record.timestamp());
        }
    }

    /** When the ledger first recorded this change as its series' last applied one (epoch ms), if it ever did. */
    Optional<Long> acknowledgedAt(String changeId) {
        return Optional.ofNullable(acknowledgedAt.get(changeId));
    }

    Optional<JsonNode> entry(String seriesKey) {
        return Optional.ofNullable(entries.get(seriesKey));
    }

    /** The entry's field as text, null when the series or the field is absent. */
    String field(String seriesKey, String field) {
        JsonNode value = entry(seriesKey).map(e -> e.get(field)).orElse(null);
        return value == null || value.isNull() ? null : value.asText();
    }
}
