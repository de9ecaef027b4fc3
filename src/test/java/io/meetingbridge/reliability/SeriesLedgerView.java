package io.meetingbridge.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The bridge's series ledger as its topic holds it now: the last value of each key (a tombstone removes it). */
final class SeriesLedgerView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> entries;

    private SeriesLedgerView(Map<String, JsonNode> entries) {
        this.entries = entries;
    }

    /** Reads the ledger topic from its beginning to its end; empty while the bridge has not created it. */
    static SeriesLedgerView read(BridgeRig rig) {
        Map<String, JsonNode> entries = new HashMap<>();
        Ledger.readTopic(rig.broker.bootstrapServers(), rig.topics.series(), record -> {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                entries.remove(key);
                return;
            }
            try {
                entries.put(key, JSON.readTree(record.value()));
            } catch (IOException e) {
                throw new UncheckedIOException("a ledger value that is not JSON under key " + key, e);
            }
        });
        return new SeriesLedgerView(entries);
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
