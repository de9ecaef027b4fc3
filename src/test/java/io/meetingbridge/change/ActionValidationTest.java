package io.meetingbridge.change;

import static io.meetingbridge.change.ChangeSamples.JSON;
import static io.meetingbridge.change.ChangeSamples.accept;
import static io.meetingbridge.change.ChangeSamples.assertRejected;
import static io.meetingbridge.change.ChangeSamples.bytes;
import static io.meetingbridge.change.ChangeSamples.example;
import static io.meetingbridge.change.ChangeSamples.exampleSeries;
import static io.meetingbridge.change.ChangeSamples.with;
import static io.meetingbridge.change.ChangeSamples.without;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The input envelope of every action (design.md, "The whole life of a series"): one valid change of
 * each, and the sentence each kind of wrong one gets.
 */
class ActionValidationTest {

    private static final String ID_1 = "0b8c6f0e-4a55-4d0b-9f3e-2f1a7c9d1e21";
    private static final String ID_2 = "5d0e3c7a-9b1f-4e26-8c4d-7a2e9f0b3c58";

    /** create: the design example, named by seriesKey instead of conferenceID. */
    static ObjectNode create() {
        ObjectNode change = example();
        change.remove("conferenceID");
        return change.put("action", "create").put("seriesKey", "crm-7731");
    }

    static ObjectNode cancel() {
        return JSON.createObjectNode().put("changeId", "crm-7731-v9").put("action", "cancel")
                .put("conferenceID", "914087436");
    }

    /** modify-occurrence naming the occurrence by its id. */
    static ObjectNode modifyOccurrence() {
        ObjectNode change = JSON.createObjectNode().put("changeId", "crm-7731-v6").put("action", "modify-occurrence")
                .put("seriesKey", "crm-7731");
        change.putObject("occurrence").put("cycleSubConfID", ID_1).put("mediaTypes", "HDVideo")
                .put("startTime", "2026-12-08 01:00").put("length", 60);
        return change;
    }

    /** modify-occurrence naming the occurrence by its current start. */
    static ObjectNode moveOccurrenceByStart() {
        ObjectNode change = modifyOccurrence();
        ObjectNode occurrence = JSON.createObjectNode().put("occurrenceStart", "2026-12-07 01:00")
                .put("mediaTypes", "Voice").put("startTime", "2026-12-08 01:00").put("length", 45)
                .put("description", "moved to Tuesday");
        change.set("occurrence", occurrence);
        return change;
    }

    static ObjectNode cancelOccurrences(String... ids) {
        ObjectNode change = JSON.createObjectNode().put("action", "cancel-occurrences").put("conferenceID", "914087436");
        ArrayNode array = change.putArray("cycleSubConfIDs");
        Stream.of(ids).forEach(array::add);
        return change;
    }

    static ObjectNode cancelOccurrencesByStart(String... starts) {
        ObjectNode change = JSON.createObjectNode().put("action", "cancel-occurrences").put("seriesKey", "crm-7731");
        ArrayNode array = change.putArray("occurrenceStarts");
        Stream.of(starts).forEach(array::add);
        return change;
    }

    /** patch: a merge patch that renames the series and removes its groupuri. */
    static ObjectNode patch() {
        ObjectNode change = JSON.createObjectNode().put("changeId", "crm-7731-p1").put("action", "patch")
                .put("seriesKey", "crm-7731");
        change.putObject("patch").put("subject", "Renamed").putNull("groupuri");
        return change;
    }

    static ObjectNode occurrenceOf(ObjectNode change) {
        return (ObjectNode) change.get("occurrence");
    }

    private static ValidChange valid(ObjectNode change) throws InvalidChangeException {
        return accept(bytes(change));
    }

    @Nested
    class ValidChanges {

        @Test
        void createIsNamedBySeriesKeyAndCarriesTheSeriesAsItCame() throws Exception {
            ValidChange valid = valid(create());

            assertThat(valid.action()).isEqualTo(ChangeAction.CREATE);
            assertThat(valid.changeId()).isEqualTo("crm-7731-v4");
            assertThat(valid.seriesKey()).isEqualTo("crm-7731");
            assertThat(valid.conferenceID()).isNull();
            assertThat(valid.body()).isEqualTo(exampleSeries(example()));
            assertThat(valid.occurrenceStart()).isNull();
            assertThat(valid.cycleSubConfIDs()).isEmpty();
            assertThat(valid.occurrenceStarts()).isEmpty();
        }

        @Test
        void patchCarriesItsMergePatchAsItCameNullsIncluded() throws Exception {
            ValidChange valid = valid(patch());

            assertThat(valid.action()).isEqualTo(ChangeAction.PATCH);
            assertThat(valid.seriesKey()).isEqualTo("crm-7731");
            assertThat(valid.body()).isEqualTo(patch().get("patch"));
        }

        @Test
        void theBodyOfACreateIsTheSeriesNodeItself() throws Exception {
            JsonNode envelope = new ChangeParser().parse(bytes(create()));

            assertThat(new ChangeValidator().validate(envelope).body()).isSameAs(envelope.get("series"));
        }

        @Test
        void aModifyMayNameItsSeriesBySeriesKeyAlone() throws Exception {
            ObjectNode change = example().put("action", "modify").put("seriesKey", "crm-7731");
            change.remove("conferenceID");

            ValidChange valid = valid(change);

            assertThat(valid.action()).isEqualTo(ChangeAction.MODIFY);
            assertThat(valid.seriesKey()).isEqualTo("crm-7731");
            assertThat(valid.conferenceID()).isNull();
            assertThat(valid.body()).isEqualTo(exampleSeries(example()));
        }

        @Test
        void aChangeWithoutActionIsAModifyAndMayAlsoNameItsSeriesBySeriesKeyAlone() throws Exception {
            ObjectNode change = example().put("seriesKey", "crm-7731");
            change.remove("conferenceID");

            ValidChange valid = valid(change);

            assertThat(valid.action()).isEqualTo(ChangeAction.MODIFY);
            assertThat(valid.seriesKey()).isEqualTo("crm-7731");
            assertThat(valid.conferenceID()).isNull();
        }

        @Test
        void aModifyMayGiveBothIds() throws Exception {
            ValidChange valid = valid(example().put("action", "modify").put("seriesKey", "crm-7731"));

            assertThat(valid.conferenceID()).isEqualTo("914087436");
            assertThat(valid.seriesKey()).isEqualTo("crm-7731");
        }

        @Test
        void cancelCarriesNoBody() throws Exception {
            ValidChange valid = valid(cancel());

            assertThat(valid).isEqualTo(new ValidChange("crm-7731-v9", ChangeAction.CANCEL, null, "914087436",
                    null, null, List.of(), List.of(), null));
        }

        @Test
        void cancelMayNameItsSeriesBySeriesKey() throws Exception {
            ObjectNode change = cancel().put("seriesKey", "crm-7731");
            change.remove("conferenceID");

            ValidChange valid = valid(change);

            assertThat(valid.seriesKey()).isEqualTo("crm-7731");
            assertThat(valid.conferenceID()).isNull();
            assertThat(valid.body()).isNull();
        }

        @Test
        void modifyOccurrenceByIdSendsTheOccurrenceNodeAsItCame() throws Exception {
            ObjectNode change = modifyOccurrence();
            occurrenceOf(change).put("isAutoRecord", 1).put("recordAuthType", 7).put("description", "d".repeat(200))
                    .put("futureField", "kept").putObject("confConfigInfo").put("callInRestriction", 2)
                    .put("enableWaitingRoom", true).put("newSetting", 1);
            JsonNode envelope = new ChangeParser().parse(bytes(change));

            ValidChange valid = new ChangeValidator().validate(envelope);

            assertThat(valid.action()).isEqualTo(ChangeAction.MODIFY_OCCURRENCE);
            assertThat(valid.seriesKey()).isEqualTo("crm-7731");
            assertThat(valid.conferenceID()).isNull();
            assertThat(valid.body()).isSameAs(envelope.get("occurrence")).isEqualTo(occurrenceOf(change));
            assertThat(valid.occurrenceStart()).isNull();
        }

        @Test
        void modifyOccurrenceByStartSendsACopyWithoutTheStart() throws Exception {
            ObjectNode change = moveOccurrenceByStart();
            JsonNode envelope = new ChangeParser().parse(bytes(change));

            ValidChange valid = new ChangeValidator().validate(envelope);

            assertThat(valid.occurrenceStart()).isEqualTo("2026-12-07 01:00");
            assertThat(valid.body().toString()).isEqualTo(
                    "{\"mediaTypes\":\"Voice\",\"startTime\":\"2026-12-08 01:00\",\"length\":45,\"description\":\"moved to Tuesday\"}");
            assertThat(envelope.get("occurrence").get("occurrenceStart").textValue()).isEqualTo("2026-12-07 01:00");
        }

        @Test
        void cancelOccurrencesNamedByIds() throws Exception {
            ValidChange valid = valid(cancelOccurrences(ID_2, ID_1));

            assertThat(valid.action()).isEqualTo(ChangeAction.CANCEL_OCCURRENCES);
            assertThat(valid.conferenceID()).isEqualTo("914087436");
            assertThat(valid.body()).isNull();
            assertThat(valid.cycleSubConfIDs()).containsExactly(ID_2, ID_1);
            assertThat(valid.occurrenceStarts()).isEmpty();
        }

        @Test
        void cancelOccurrencesNamedByStarts() throws Exception {
            ValidChange valid = valid(cancelOccurrencesByStart("2026-12-21 01:00", "2026-12-23 01:00"));

            assertThat(valid.seriesKey()).isEqualTo("crm-7731");
            assertThat(valid.cycleSubConfIDs()).isEmpty();
            assertThat(valid.occurrenceStarts()).containsExactly("2026-12-21 01:00", "2026-12-23 01:00");
        }

        @Test
        void fiftyOccurrencesMayBeCancelledAtOnce() throws Exception {
            assertThat(valid(cancelOccurrences(ids(50))).cycleSubConfIDs()).hasSize(50);
        }

        @Test
        void aSeriesKeyOf128CharactersCountsCharactersNotBytes() throws Exception {
            String key = "會".repeat(127) + "😀";

            assertThat(valid(cancel().put("seriesKey", key)).seriesKey()).isEqualTo(key);
        }

        @Test
        void theListsOfAValidChangeCannotBeChanged() throws Exception {
            ValidChange valid = valid(cancelOccurrences(ID_1));

            assertThatThrownBy(() -> valid.cycleSubConfIDs().add(ID_2)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class WrongFieldsForTheAction {

        static Stream<Arguments> fieldsOfAnotherAction() {
            return Stream.of(
                    argumentSet("series with cancel", cancel().set("series", exampleSeries(example())),
                            "series is not allowed for action cancel"),
                    argumentSet("occurrence with a modify that has no action",
                            example().set("occurrence", occurrenceOf(modifyOccurrence())),
                            "occurrence is not allowed for action modify"),
                    argumentSet("occurrenceStarts with create",
                            create().set("occurrenceStarts", JSON.createArrayNode().add("2026-12-21 01:00")),
                            "occurrenceStarts is not allowed for action create"),
                    argumentSet("conferenceID with create", create().put("conferenceID", "914087436"),
                            "conferenceID is not allowed for action create"),
                    argumentSet("series and cycleSubConfIDs with modify-occurrence",
                            with(modifyOccurrence(), "series", exampleSeries(example()))
                                    .set("cycleSubConfIDs", JSON.createArrayNode().add(ID_1)),
                            "cycleSubConfIDs is not allowed for action modify-occurrence (and 1 more problem)"),
                    argumentSet("occurrence with cancel-occurrences",
                            cancelOccurrences(ID_1).set("occurrence", occurrenceOf(modifyOccurrence())),
                            "occurrence is not allowed for action cancel-occurrences"),
                    argumentSet("cycleSubConfIDs with cancel",
                            cancel().set("cycleSubConfIDs", JSON.createArrayNode().add(ID_1)),
                            "cycleSubConfIDs is not allowed for action cancel"),
                    argumentSet("series with patch", patch().set("series", exampleSeries(example())),
                            "series is not allowed for action patch"),
                    argumentSet("patch with modify", example().set("patch", JSON.createObjectNode().put("subject", "x")),
                            "patch is not allowed for action modify"),
                    argumentSet("a malformed field of another action is reported first as not allowed",
                            cancel().put("series", "weekly"),
                            "series is not allowed for action cancel (and 1 more problem)"));
        }

        @ParameterizedTest
        @MethodSource("fieldsOfAnotherAction")
        void aFieldOfAnotherActionIsRefused(JsonNode change, String sentence) {
            assertRejected(change, sentence);
        }
    }

    @Nested
    class MissingFields {

        static Stream<Arguments> changesWithoutARequiredField() {
            return Stream.of(
                    argumentSet("create without seriesKey", without(create(), "seriesKey"), "seriesKey is required"),
                    argumentSet("create without series", without(create(), "series"), "series is required"),
                    argumentSet("patch without patch", without(patch(), "patch"), "patch is required"),
                    argumentSet("modify without series", without(example().put("action", "modify"), "series"),
                            "series is required"),
                    argumentSet("modify without either id", without(example().put("action", "modify"), "conferenceID"),
                            "conferenceID or seriesKey is required"),
                    argumentSet("cancel without either id", without(cancel(), "conferenceID"),
                            "conferenceID or seriesKey is required"),
                    argumentSet("modify-occurrence without either id", without(modifyOccurrence(), "seriesKey"),
                            "conferenceID or seriesKey is required"),
                    argumentSet("cancel-occurrences without either id",
                            without(cancelOccurrencesByStart("2026-12-21 01:00"), "seriesKey"),
                            "conferenceID or seriesKey is required"),
                    argumentSet("a change without action or either id keeps the sentence of the first version",
                            without(example(), "conferenceID"), "conferenceID is required"),
                    argumentSet("modify-occurrence without occurrence", without(modifyOccurrence(), "occurrence"),
                            "occurrence is required"),
                    argumentSet("occurrence without id or start",
                            without(modifyOccurrence(), "occurrence.cycleSubConfID"),
                            "occurrence.cycleSubConfID or occurrence.occurrenceStart is required"),
                    argumentSet("occurrence without startTime, length and mediaTypes",
                            without(modifyOccurrence(), "occurrence.startTime", "occurrence.length",
                                    "occurrence.mediaTypes"),
                            "occurrence.length is required (and 2 more problems)"),
                    argumentSet("cancel-occurrences without ids or starts",
                            without(cancelOccurrences(), "cycleSubConfIDs"),
                            "cycleSubConfIDs or occurrenceStarts is required"));
        }

        @ParameterizedTest
        @MethodSource("changesWithoutARequiredField")
        void aChangeWithoutARequiredFieldIsRefused(ObjectNode change, String sentence) {
            assertRejected(change, sentence);
        }

        @Test
        void aPatchThatIsNotAnObject() {
            assertRejected(patch().put("patch", "subject=x"), "patch must be an object, got \"subject=x\"");
        }
    }

    @Nested
    class OccurrencesNamedTwice {

        @Test
        void anOccurrenceByIdAndByStart() {
            ObjectNode change = modifyOccurrence();
            occurrenceOf(change).put("occurrenceStart", "2026-12-07 01:00");

            assertRejected(change, "occurrence.occurrenceStart is not allowed with occurrence.cycleSubConfID");
        }

        @Test
        void occurrencesByIdsAndByStarts() {
            ObjectNode change = cancelOccurrences(ID_1);
            change.putArray("occurrenceStarts").add("2026-12-21 01:00");

            assertRejected(change, "occurrenceStarts is not allowed with cycleSubConfIDs");
        }
    }

    @Nested
    class OccurrenceLists {

        @Test
        void fiftyOneIds() {
            assertRejected(cancelOccurrences(ids(51)), "cycleSubConfIDs must have 1..50 items, got 51");
        }

        @Test
        void fiftyOneStarts() {
            String[] starts = IntStream.range(0, 51)
                    .mapToObj(i -> String.format("2026-12-%02d %02d:00", i % 28 + 1, i / 28 + 1)).toArray(String[]::new);

            assertRejected(cancelOccurrencesByStart(starts), "occurrenceStarts must have 1..50 items, got 51");
        }

        @Test
        void aRepeatedId() {
            assertRejected(cancelOccurrences(ID_1, ID_2, ID_2, ID_1),
                    "cycleSubConfIDs must have unique items, got \"" + ID_2 + "\" more than once");
        }

        @Test
        void aRepeatedStart() {
            assertRejected(cancelOccurrencesByStart("2026-12-21 01:00", "2026-12-23 01:00", "2026-12-21 01:00"),
                    "occurrenceStarts must have unique items, got \"2026-12-21 01:00\" more than once");
        }

        @Test
        void noIds() {
            assertRejected(cancelOccurrences(), "cycleSubConfIDs must have 1..50 items, got 0");
        }

        @Test
        void noStarts() {
            assertRejected(cancelOccurrencesByStart(), "occurrenceStarts must have 1..50 items, got 0");
        }

        @Test
        void anEmptyId() {
            assertRejected(cancelOccurrences(ID_1, ""), "cycleSubConfIDs[1] must not be empty");
        }

        @Test
        void anIdThatIsNotAString() {
            ObjectNode change = cancelOccurrences();
            ((ArrayNode) change.get("cycleSubConfIDs")).add(42);

            assertRejected(change, "cycleSubConfIDs[0] must be a string, got 42");
        }

        @Test
        void idsThatAreNotAnArray() {
            assertRejected(cancelOccurrences().put("cycleSubConfIDs", ID_1),
                    "cycleSubConfIDs must be an array, got \"" + ID_1 + "\"");
        }

        @Test
        void aStartThatIsNotARealTime() {
            assertRejected(cancelOccurrencesByStart("2026-12-21 01:00", "2026-02-30 01:00"),
                    "occurrenceStarts[1] must be a real time, got \"2026-02-30 01:00\"");
        }

        @Test
        void aStartWrittenInAnotherFormat() {
            assertRejected(cancelOccurrencesByStart("2026-12-21T01:00Z"),
                    "occurrenceStarts[0] must be a UTC time written yyyy-MM-dd HH:mm, got \"2026-12-21T01:00Z\"");
        }
    }

    @Nested
    class OccurrenceFields {

        /** A modify-occurrence with one field of its occurrence set to a value its rule refuses. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a start time that is not a real time   | occurrence.startTime      | "2026-12-08 24:00" | occurrence.startTime must be a real time, got "2026-12-08 24:00"
                an empty start time                    | occurrence.startTime      | ""                 | occurrence.startTime must be a UTC time written yyyy-MM-dd HH:mm, got ""
                a length outside the range             | occurrence.length         | 1441               | occurrence.length must be 15..1440, got 1441
                a media type only the answers use      | occurrence.mediaTypes     | "Video"            | occurrence.mediaTypes must be one of Voice, HDVideo, got "Video"
                an auto-record flag of two             | occurrence.isAutoRecord   | 2                  | occurrence.isAutoRecord must be 0..1, got 2
                a record auth type given as text       | occurrence.recordAuthType | "1"                | occurrence.recordAuthType must be an integer, got "1"
                a confConfigInfo that is not an object | occurrence.confConfigInfo | true               | occurrence.confConfigInfo must be an object, got true
                an empty cycleSubConfID                | occurrence.cycleSubConfID | ""                 | occurrence.cycleSubConfID must not be empty
                an occurrence that is not an object    | occurrence                | []                 | occurrence must be an object, got []
                """)
        void aFieldOutsideItsRuleIsRefused(String what, String path, String json, String sentence) {
            assertRejected(with(modifyOccurrence(), path, json), sentence);
        }

        @Test
        void anOccurrenceStartThatIsNotARealDate() {
            assertRejected(with(moveOccurrenceByStart(), "occurrence.occurrenceStart", "\"2026-02-30 01:00\""),
                    "occurrence.occurrenceStart must be a real time, got \"2026-02-30 01:00\"");
        }

        @Test
        void bothTimesNotReal() {
            ObjectNode change = moveOccurrenceByStart();
            occurrenceOf(change).put("occurrenceStart", "2027-02-29 01:00").put("startTime", "2026-04-31 01:00");

            assertRejected(change, "occurrence.occurrenceStart must be a real time, got \"2027-02-29 01:00\" (and 1 more problem)");
        }

        @Test
        void aDescriptionOver200Characters() {
            assertRejected(with(modifyOccurrence(), "occurrence.description", TextNode.valueOf("d".repeat(201))),
                    "occurrence.description must be at most 200 characters, got 201");
        }
    }

    @Nested
    class SeriesKeys {

        static Stream<Arguments> controlCharacters() {
            return Stream.of(
                    Arguments.of("crm\u00007731", "\"crm\\u00007731\""),
                    Arguments.of("crm\n7731", "\"crm\\n7731\""),
                    Arguments.of("crm\u007f7731", "\"crm\\u007F7731\""),
                    Arguments.of("crm\u00857731", "\"crm\\u00857731\""));
        }

        @ParameterizedTest
        @MethodSource("controlCharacters")
        void aSeriesKeyWithAControlCharacter(String key, String echoed) {
            assertRejected(create().put("seriesKey", key), "seriesKey must be a string without control characters, got " + echoed);
        }

        @Test
        void aSeriesKeyOf129Characters() {
            assertRejected(create().put("seriesKey", "k".repeat(129)), "seriesKey must be 1..128 characters, got 129");
        }

        @Test
        void anEmptySeriesKey() {
            assertRejected(cancel().put("seriesKey", ""), "seriesKey must be 1..128 characters, got 0");
        }

        @Test
        void aSeriesKeyGivenAsANumber() {
            assertRejected(create().put("seriesKey", 7731), "seriesKey must be a string without control characters, got 7731");
        }
    }

    @Nested
    class Actions {

        private static final String ALLOWED = "action must be one of create, modify, cancel, modify-occurrence, cancel-occurrences, patch, got ";

        @Test
        void anUnknownAction() {
            assertRejected(cancel().put("action", "delete"), ALLOWED + "\"delete\"");
        }

        @Test
        void anActionInAnotherCase() {
            assertRejected(create().put("action", "Create"), ALLOWED + "\"Create\"");
        }

        @Test
        void anActionThatIsNotAString() {
            assertRejected(cancel().put("action", 3), ALLOWED + "3");
            assertRejected(cancel().set("action", JSON.createArrayNode().add("cancel")), ALLOWED + "[\"cancel\"]");
            assertRejected(cancel().putNull("action"), ALLOWED + "null");
        }

        @Test
        void anUnknownActionIsReportedBeforeTheProblemsOfItsFields() {
            assertRejected(cancel().put("action", "delete").put("conferenceID", "x"), ALLOWED + "\"delete\" (and 1 more problem)");
        }

        @Test
        void wireNamesReadBack() {
            for (ChangeAction action : ChangeAction.values()) {
                assertThat(ChangeAction.of(action.wireName())).isSameAs(action);
            }
            assertThat(ChangeAction.of(null)).isSameAs(ChangeAction.MODIFY);
            assertThat(ChangeAction.MODIFY_OCCURRENCE.wireName()).isEqualTo("modify-occurrence");
        }

        @Test
        void anUnknownWireNameIsRefused() {
            assertThatThrownBy(() -> ChangeAction.of("MODIFY")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(ALLOWED + "\"MODIFY\"");
        }
    }

    private static String[] ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "occurrence-" + i).toArray(String[]::new);
    }
}
