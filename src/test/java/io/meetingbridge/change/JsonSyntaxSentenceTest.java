package io.meetingbridge.change;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sentence a value that is not JSON gets, for each way JSON's grammar can stop: numbers cut short or
 * run on, words where a value goes, strings, names given twice, control characters.
 */
class JsonSyntaxSentenceTest {

    private static final String NOT_JSON = "value is not JSON: ";

    static Stream<Arguments> values() {
        return Stream.of(
                // numbers: the sentence names the first character the number grammar cannot take
                Arguments.of("{\"a\":1.}", "unexpected character '}' at line 1, column 7"),
                Arguments.of("{\"a\":1.x}", "unexpected character 'x' at line 1, column 7"),
                Arguments.of("{\"a\":-1.5e}", "unexpected character '}' at line 1, column 8"),
                Arguments.of("{\"a\":1e+x}", "unexpected character 'x' at line 1, column 7"),
                Arguments.of("{\"a\":1.5E-3x}", "unexpected character 'x' at line 1, column 12"),
                Arguments.of("{\"a\":1.5.}", "unexpected character '.' at line 1, column 9"),
                Arguments.of("{\"a\":-}", "unexpected character '}' at line 1, column 7"),
                Arguments.of("{\"a\":-x}", "unexpected character 'x' at line 1, column 7"),
                Arguments.of("{\"a\":1x}", "unexpected character 'x' at line 1, column 7"),
                Arguments.of("{\"a\":+1}", "unexpected character '1' at line 1, column 7"),
                Arguments.of("{\"a\":[0x1]}", "unexpected character 'x' at line 1, column 8"),
                Arguments.of("{\"a\":12", "it ends before the JSON is complete at line 1, column 8"),
                Arguments.of("{\"a\":1.2", "it ends before the JSON is complete at line 1, column 9"),
                Arguments.of("{\"a\":1e", "it ends before the JSON is complete at line 1, column 8"),
                Arguments.of("{\"a\":01}", "invalid number, leading zeroes not allowed at line 1, column 7"),
                Arguments.of("{\"a\":-01}", "invalid number, leading zeroes not allowed at line 1, column 8"),
                // words where a value goes
                Arguments.of("{\"a\":NaN}", "non-standard token 'NaN' at line 1, column 9"),
                Arguments.of("{\"a\":-Infinity}", "non-standard token '-Infinity' at line 1, column 15"),
                Arguments.of("{\"a\":tru}", "unrecognized token \"tru\" at line 1, column 9"),
                Arguments.of("{\"a\":_x}", "unexpected character '_' at line 1, column 8"),
                Arguments.of("{\"a\":$x}", "unexpected character '$' at line 1, column 8"),
                // strings
                Arguments.of("{\"a\":\"b\\q\"}", "unrecognized character escape 'q' at line 1, column 9"),
                Arguments.of("{\"a\":\"b\u0001\"}", "control character U+0001 must be escaped inside a string at line 1, column 8"),
                Arguments.of("{\"a\":\"\u001f\"}", "control character U+001F must be escaped inside a string at line 1, column 7"),
                Arguments.of("{\"a\":\"b", "it ends before the JSON is complete at line 1, column 8"),
                Arguments.of("{\"a\":\"x\\\\\"y}", "unexpected character 'y' at line 1, column 11"),
                Arguments.of("{\"a\":\" \"x}", "unexpected character 'x' at line 1, column 9"),
                Arguments.of("{\"a\":\"\\u00\"}", "unexpected character '\"' at line 1, column 11"),
                // names, control characters and separators
                Arguments.of("{\"a\":1,\"a\"}", "unexpected character '}' at line 1, column 11"),
                Arguments.of("\u0001{}", "unexpected character U+0001 at line 1, column 2"),
                Arguments.of("{\"a\":1,\u0002}", "unexpected character U+0002 at line 1, column 9"),
                Arguments.of("{\"a\":[1,2,]}", "unexpected character ']' at line 1, column 11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void eachWayTheGrammarStopsHasItsSentence(String value, String sentence) {
        assertRejected(value, NOT_JSON + sentence);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namesGivenTwice")
    void aNameGivenTwiceIsNamed(String value, String sentence) {
        assertRejected(value, sentence);
    }

    static Stream<Arguments> namesGivenTwice() {
        return Stream.of(
                Arguments.of("{\"a\" :1,\"a\"  :2}", "value has the field \"a\" more than once at line 1, column 12"),
                Arguments.of("{\"ab\":1,\"b\":2,\"ab\":3}", "value has the field \"ab\" more than once at line 1, column 19"),
                Arguments.of("{\"\":1,\"\":2}", "value has the field \"\" more than once at line 1, column 9"));
    }

    private static void assertRejected(String value, String sentence) {
        assertThatThrownBy(() -> new ChangeParser().parse(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidChangeException.class).hasMessage(sentence);
    }
}
