package io.meetingbridge.change;

import static io.meetingbridge.change.ChangeSamples.JSON;
import static io.meetingbridge.change.ChangeSamples.bytes;
import static io.meetingbridge.change.ChangeSamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChangeParserTest {

    private final ChangeParser parser = new ChangeParser();

    @Test
    void readsTheDesignExampleAsOneObject() throws Exception {
        JsonNode tree = parser.parse(bytes(example()));

        assertThat(tree).isEqualTo(example());
    }

    @Test
    void allowsWhitespaceAroundTheObject() throws Exception {
        assertThat(parser.parse(utf8(" \r\n\t{}\n"))).isEqualTo(JSON.createObjectNode());
    }

    @Test
    void keepsNumbersAsWritten() throws Exception {
        JsonNode tree = parser.parse(utf8("{\"series\":{\"length\":60,\"x\":1.50,\"y\":1e2}}"));

        assertThat(tree.toString()).isEqualTo("{\"series\":{\"length\":60,\"x\":1.50,\"y\":1E+2}}");
    }

    @Test
    void tellsATombstoneFromAnEmptyValue() {
        assertRejected(null, "record has no value (tombstone)");
        assertRejected(new byte[0], "value is empty");
    }

    @Test
    void namesTheFirstCharacterThatIsNotJson() {
        assertRejected(utf8("{x}"), "value is not JSON: unexpected character 'x' at line 1, column 2");
    }

    @Test
    void refusesAnythingAfterTheObject() {
        assertRejected(utf8("{\"conferenceID\":\"914087436\"} {\"conferenceID\":\"1\"}"),
                "value has more after its JSON object, at line 1, column 29");
    }

    @Test
    void refusesAFieldGivenTwice() {
        assertRejected(utf8("{\"conferenceID\":\"1\",\n\"conferenceID\":\"2\"}"),
                "value has the field \"conferenceID\" more than once at line 2, column 15");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertRejected(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},
                "value is not valid UTF-8: byte 0xC3 at line 1, column 7");
    }

    @Test
    void refusesAByteOrderMark() {
        byte[] body = bytes(example());
        byte[] value = new byte[body.length + 3];
        value[0] = (byte) 0xEF;
        value[1] = (byte) 0xBB;
        value[2] = (byte) 0xBF;
        System.arraycopy(body, 0, value, 3, body.length);

        assertRejected(value, "value starts with a byte order mark (EF BB BF); it must be UTF-8 without one");
    }

    @Test
    void takesAValueOfExactlyOneMebibyte() throws Exception {
        byte[] value = new byte[ChangeJson.MAX_VALUE_BYTES];
        Arrays.fill(value, (byte) ' ');
        value[0] = '{';
        value[1] = '}';

        assertThat(parser.parse(value)).isEqualTo(JSON.createObjectNode());
    }

    @Test
    void refusesAValueOverOneMebibyteBeforeParsingIt() {
        assertRejected(ChangeSamples.twoMebibyteValue(), "value is 2097152 bytes, more than the 1048576 allowed");
    }

    @Test
    void stopsReadingAtTheNestingLimit() {
        assertRejected(ChangeSamples.tenThousandDeepNesting(),
                "value nests deeper than 64 levels at line 1, column 106");
    }

    @Test
    void refusesAStringOverTheLimit() {
        String value = "{\"series\":{\"note\":\"" + "n".repeat(64 * 1024 + 1) + "\"}}";

        assertRejected(utf8(value), "value has a string longer than 65536 characters at line 1, column 65558");
    }

    @Test
    void neverEchoesMoreThanFortyCharactersOfInput() {
        String word = "x".repeat(10_000);

        assertRejected(utf8("{\"a\":" + word + "}"),
                "value is not JSON: unrecognized token \"" + "x".repeat(40) + "…\" at line 1, column 262");
    }

    @Test
    void findsTheConferenceIdOfAParsedValueWithoutValidatingIt() throws Exception {
        assertThat(ChangeParser.conferenceIdOf(parser.parse(bytes(example())))).isEqualTo("914087436");
        assertThat(ChangeParser.conferenceIdOf(parser.parse(utf8("{\"conferenceID\":\"1&x\"}")))).isEqualTo("1&x");
        assertThat(ChangeParser.conferenceIdOf(parser.parse(utf8("{\"conferenceID\":914087436}")))).isNull();
        assertThat(ChangeParser.conferenceIdOf(parser.parse(utf8("{}")))).isNull();
    }

    private void assertRejected(byte[] value, String detail) {
        assertThatThrownBy(() -> parser.parse(value)).isInstanceOf(InvalidChangeException.class).hasMessage(detail);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
