package io.meetingbridge.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a parsed record is a valid meeting change: first the published JSON Schema, which
 * states every rule it can (the fields of every action, each cycle's ranges, dates and times that exist),
 * then the ones it cannot: {@link SeriesRules}, and whether {@code corpId} belongs (SP mode) or not
 * (enterprise mode), which is a setting of the bridge. Nothing here needs the series ledger. Thread-safe.
 */
public final class ChangeValidator {

    private static final FieldPath CORP_ID = FieldPath.VALUE.field("corpId");

    private final EnvelopeSchema schema = new EnvelopeSchema();
    private final SeriesRules seriesRules = new SeriesRules();
    private final boolean tenantPerChange;

    /** Enterprise mode: a change carries no corpId. */
    public ChangeValidator() {
        this(false);
    }

    /** @param tenantPerChange SP mode ({@code meeting.auth.mode=sp}): every change names its enterprise */
    public ChangeValidator(boolean tenantPerChange) {
        this.tenantPerChange = tenantPerChange;
    }

    public ValidChange validate(JsonNode envelope) throws InvalidChangeException {
        List<Problem> problems = new ArrayList<>(schema.check(envelope));
        boolean named = envelope.has("corpId");
        if (named != tenantPerChange) {
            problems.add(new Problem(CORP_ID, tenantPerChange ? CORP_ID + " is required when meeting.auth.mode is sp"
                    : CORP_ID + " is not allowed when meeting.auth.mode is enterprise"));
        }
        Problem.rejectIfAny(problems);
        // the schema admits no other action
        ChangeAction action = ChangeAction.of(envelope.path("action").textValue());
        String changeId = envelope.path("changeId").textValue();
        String seriesKey = envelope.path("seriesKey").textValue();
        String conferenceID = envelope.path("conferenceID").textValue();
        String corpId = envelope.path("corpId").textValue();
        return switch (action) {
            case CREATE, MODIFY -> {
                ObjectNode series = (ObjectNode) envelope.get("series");
                Problem.rejectIfAny(seriesRules.check(series));
                yield new ValidChange(changeId, action, seriesKey, conferenceID, series, null, List.of(), List.of(),
                        corpId);
            }
            case CANCEL -> new ValidChange(changeId, action, seriesKey, conferenceID, null, null, List.of(), List.of(),
                    corpId);
            case MODIFY_OCCURRENCE -> {
                ObjectNode occurrence = (ObjectNode) envelope.get("occurrence");
                String occurrenceStart = occurrence.path("occurrenceStart").textValue();
                yield new ValidChange(changeId, action, seriesKey, conferenceID, withoutStart(occurrence),
                        occurrenceStart, List.of(), List.of(), corpId);
            }
            case CANCEL_OCCURRENCES -> {
                yield new ValidChange(changeId, action, seriesKey, conferenceID, null, null,
                        texts(envelope.path("cycleSubConfIDs")), texts(envelope.path("occurrenceStarts")), corpId);
            }
            case PATCH -> new ValidChange(changeId, action, seriesKey, conferenceID, (ObjectNode) envelope.get("patch"),
                    null, List.of(), List.of(), corpId);
        };
    }

    /**
     * A patch once applied: the patched series is checked as the {@code series} of a modify of the same series,
     * with the same sentences, and becomes the body to PUT.
     */
    public ValidChange validatePatched(ValidChange patch, String conferenceID, ObjectNode series)
            throws InvalidChangeException {
        ObjectNode modify = series.objectNode().put("action", ChangeAction.MODIFY.wireName())
                .put("conferenceID", conferenceID);
        if (patch.changeId() != null) {
            modify.put("changeId", patch.changeId());
        }
        if (patch.corpId() != null) {
            modify.put("corpId", patch.corpId());
        }
        modify.set("series", series);
        try {
            validate(modify);
        } catch (InvalidChangeException e) {
            throw new InvalidChangeException("the patched series is not valid: " + e.getMessage(), e);
        }
        return new ValidChange(patch.changeId(), ChangeAction.PATCH, patch.seriesKey(), conferenceID, series, null,
                List.of(), List.of(), patch.corpId());
    }

    /** The PUT body: the occurrence as it came, less the start the bridge resolves and the API does not take. */
    private static ObjectNode withoutStart(ObjectNode occurrence) {
        if (!occurrence.has("occurrenceStart")) {
            return occurrence;
        }
        ObjectNode body = occurrence.deepCopy();
        body.remove("occurrenceStart");
        return body;
    }

    /** The strings of an array the schema has checked; empty for a field that is absent. */
    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>(array.size());
        array.forEach(item -> texts.add(item.textValue()));
        return texts;
    }
}
