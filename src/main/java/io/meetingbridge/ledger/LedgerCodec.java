package io.meetingbridge.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.change.ChangePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON of a ledger value: what the README documents for topic {@code meeting.series}. */
final class LedgerCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerCodec() {
    }

    static ObjectNode tree(SeriesEntry entry) {
        ObjectNode value = JSON.createObjectNode();
        putIfPresent(value, "corpId", entry.tenant());
        putIfPresent(value, "seriesKey", entry.seriesKey());
        putIfPresent(value, "conferenceID", entry.conferenceID());
        value.put("state", entry.state().wireName());
        putIfPresent(value, "lastChangeId", entry.lastChangeId());
        ChangePosition last = entry.lastApplied();
        if (last != null) {
            value.putObject("lastApplied").put("topic", last.topic()).put("partition", last.partition())
                    .put("offset", last.offset()).put("timestamp", last.timestamp());
        }
        ArrayNode occurrences = value.putArray("occurrences");
        for (KnownOccurrence occurrence : entry.occurrences()) {
            ObjectNode known = occurrences.addObject().put("cycleSubConfID", occurrence.cycleSubConfID());
            putIfPresent(known, "startTime", occurrence.startTime());
            putIfPresent(known, "endTime", occurrence.endTime());
            if (occurrence.cancelled()) {
                known.put("cancelled", true);
            }
        }
        UnshownFields unshown = entry.unshown();
        if (unshown.json() != null) {
            value.set("unshown", unshown.tree());
        }
        if (unshown.omitted()) {
            value.put("unshownOmitted", true);
        }
        return value;
    }

    static byte[] write(SeriesEntry entry) {
        try {
            return JSON.writeValueAsBytes(tree(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SeriesEntry read(byte[] value) throws IOException {
        JsonNode tree = JSON.readTree(value);
        JsonNode last = tree.path("lastApplied");
        ChangePosition lastApplied = last.isObject() ? new ChangePosition(last.path("topic").asText().intern(),
                last.path("partition").asInt(), last.path("offset").asLong(), last.path("timestamp").asLong()) : null;
        List<KnownOccurrence> occurrences = new ArrayList<>();
        for (JsonNode known : tree.path("occurrences")) {
            occurrences.add(new KnownOccurrence(known.path("cycleSubConfID").asText(), text(known, "startTime"),
                    text(known, "endTime"), known.path("cancelled").asBoolean(false)));
        }
        // a value without corpId is enterprise mode's, as every value written before SP mode existed; one without
        // unshown fields was written before patches existed, or for a series whose body had none
        JsonNode unshown = tree.path("unshown");
        return new SeriesEntry(text(tree, "corpId"), text(tree, "seriesKey"), text(tree, "conferenceID"),
                SeriesState.of(tree.path("state").asText()), text(tree, "lastChangeId"), lastApplied, occurrences,
                new UnshownFields(unshown.isObject() ? unshown.toString() : null,
                        tree.path("unshownOmitted").asBoolean(false)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
