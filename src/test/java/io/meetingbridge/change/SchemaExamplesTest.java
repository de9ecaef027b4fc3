package io.meetingbridge.change;

import static io.meetingbridge.change.ChangeSamples.JSON;
import static io.meetingbridge.change.ChangeSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import com.huaweicloud.sdk.meeting.v1.model.RestScheduleCycleConfDTO;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of the published schema are what producers copy: each one validates against the schema
 * on its own (as a producer's validator sees it) and through the bridge's validator, and together
 * they show every action.
 */
class SchemaExamplesTest {

    private static final JsonNode SCHEMA = load();

    @ParameterizedTest(name = "example {index}: {0}")
    @MethodSource("examples")
    void everyExampleIsValidAgainstTheSchemaAlone(JsonNode example) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA);

        assertThat(schema.validate(example)).isEmpty();
    }

    @ParameterizedTest(name = "example {index}: {0}")
    @MethodSource("examples")
    void everyExampleIsAcceptedByTheBridge(JsonNode example) throws InvalidChangeException {
        ValidChange valid = accept(example);

        assertThat(valid.action().wireName()).isEqualTo(example.path("action").asText("modify"));
        assertThat(valid.changeId()).isEqualTo(example.get("changeId").textValue());
    }

    @Test
    void theExamplesShowEveryActionAndBothWaysOfNamingOccurrences() throws InvalidChangeException {
        Set<ChangeAction> actions = EnumSet.noneOf(ChangeAction.class);
        List<ValidChange> valid = new ArrayList<>();
        for (JsonNode example : examples().toList()) {
            ValidChange change = accept(example);
            actions.add(change.action());
            valid.add(change);
        }

        assertThat(actions).containsExactlyInAnyOrder(ChangeAction.values());
        assertThat(valid).anyMatch(v -> v.occurrenceStart() != null)
                .anyMatch(v -> v.action() == ChangeAction.MODIFY_OCCURRENCE && v.occurrenceStart() == null)
                .anyMatch(v -> !v.cycleSubConfIDs().isEmpty())
                .anyMatch(v -> !v.occurrenceStarts().isEmpty())
                .anyMatch(v -> v.action() == ChangeAction.MODIFY && v.conferenceID() == null)
                .anyMatch(v -> v.corpId() != null);
    }

    @Test
    void theOccurrenceBodiesAreWhatTheOfficialSdkSendsForOneOccurrence() throws Exception {
        List<ValidChange> moves = new ArrayList<>();
        for (JsonNode example : examples().toList()) {
            ValidChange change = accept(example);
            if (change.action() == ChangeAction.MODIFY_OCCURRENCE) {
                moves.add(change);
            }
        }

        assertThat(moves).isNotEmpty();
        for (ValidChange move : moves) {
            String body = move.body().toString();
            RestScheduleCycleConfDTO sdk = JsonUtils.toObject(body, RestScheduleCycleConfDTO.class);
            assertThat(JSON.readTree(JsonUtils.toJSON(sdk))).isEqualTo(move.body());
        }
    }

    @Test
    void theFirstExampleIsTheDesignsRecordWithoutAction() {
        assertThat(SCHEMA.get("examples").get(0)).isEqualTo(ChangeSamples.example());
    }

    @Test
    void theSchemaListsTheActionsOfTheCodeInTheSameOrder() {
        List<String> listed = StreamSupport.stream(SCHEMA.at("/properties/action/enum").spliterator(), false)
                .map(JsonNode::textValue).toList();

        assertThat(listed).containsExactlyElementsOf(
                Arrays.stream(ChangeAction.values()).map(ChangeAction::wireName).toList());
    }

    /** The schema file alone states each cycle's ranges and real dates: a producer's plain validator applies them. */
    @ParameterizedTest(name = "{0}: interval {1}, point {2}, endDate {3}")
    @CsvSource(delimiter = '|', value = {
            "Day   | 15 | []     | 2026-12-29 | true",
            "Day   | 1  | [1]    | 2026-12-29 | false",
            "Week  | 5  | [0, 6] | 2026-12-29 | true",
            "Week  | 6  | [1]    | 2026-12-29 | false",
            "Week  | 1  | [7]    | 2026-12-29 | false",
            "Month | 3  | [1,31] | 2026-12-29 | true",
            "Month | 4  | [1]    | 2026-12-29 | false",
            "Month | 1  | [0]    | 2026-12-29 | false",
            "Week  | 1  | [1]    | 2026-02-30 | false"})
    void aProducersOwnValidatorAppliesEachCyclesRangesAndRealDates(String cycle, int interval, String point,
                                                                  String endDate, boolean valid) throws IOException {
        ObjectNode change = ChangeSamples.example().deepCopy();
        ObjectNode cycleParams = (ObjectNode) change.with("series").with("cycleParams");
        cycleParams.put("cycle", cycle).put("interval", interval).put("endDate", endDate)
                .set("point", JSON.readTree(point));
        SchemaValidatorsConfig formatsAreRules = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA, formatsAreRules);

        assertThat(schema.validate(change).isEmpty()).as(schema.validate(change).toString()).isEqualTo(valid);
    }

    /** An example with corpId is written for SP mode, the others for enterprise mode (the default). */
    private static ValidChange accept(JsonNode example) throws InvalidChangeException {
        return example.has("corpId") ? ChangeSamples.acceptInSpMode(bytes(example)) : ChangeSamples.accept(bytes(example));
    }

    static Stream<JsonNode> examples() {
        JsonNode examples = SCHEMA.get("examples");
        assertThat(examples).isNotNull();
        return StreamSupport.stream(examples.spliterator(), false);
    }

    private static JsonNode load() {
        try (InputStream in = SchemaExamplesTest.class.getResourceAsStream(EnvelopeSchema.RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
