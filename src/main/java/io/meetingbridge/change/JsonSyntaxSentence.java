package io.meetingbridge.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in one sentence why Jackson could not read a value. Jackson's own messages list what it
 * expected and name its feature flags; the sentence keeps only what was found, and where.
 */
final class JsonSyntaxSentence {

    private record Rule(Pattern message, Function<Matcher, String> sentence) {
    }

    private static final String NOT_JSON = "value is not JSON: ";

    /** Jackson's parse messages, most specific first; the message is matched without its location. */
    private static final List<Rule> RULES = List.of(
            rule("^Duplicate field '(.*)'$",
                    m -> "value has the field " + Echo.quoted(m.group(1)) + " more than once"),
            rule("\\(CTRL-CHAR, code (\\d+)\\)\\): has to be escaped",
                    m -> NOT_JSON + "control character " + Echo.character(code(m)) + " must be escaped inside a string"),
            rule("^(?:Unexpected|Illegal) character \\(.*?code (\\d+)",
                    m -> NOT_JSON + "unexpected character " + Echo.character(code(m))),
            rule("^Unexpected close marker '(.)'",
                    m -> NOT_JSON + "unexpected character " + Echo.character(m.group(1).charAt(0))),
            rule("^Unrecognized token '(.*)': was expecting",
                    m -> NOT_JSON + "unrecognized token " + Echo.quoted(m.group(1))),
            rule("^Invalid numeric value: ([^(]*)",
                    m -> NOT_JSON + "invalid number, " + lowerFirst(m.group(1).strip())),
            rule("^Unexpected end-of-input",
                    m -> NOT_JSON + "it ends before the JSON is complete"));

    /** The read limits by the StreamReadConstraints getter that Jackson names when one is exceeded. */
    private static final Map<String, String> LIMITS = Map.of(
            "getMaxNestingDepth", "value nests deeper than %s levels",
            "getMaxStringLength", "value has a string longer than %s characters",
            "getMaxNameLength", "value has a field name longer than %s characters",
            "getMaxNumberLength", "value has a number longer than %s characters",
            "getMaxDocumentLength", "value is longer than %s characters");

    private static final Pattern LIMIT =
            Pattern.compile("maximum allowed \\((\\d+), from `StreamReadConstraints\\.(\\w+)\\(\\)`");

    private JsonSyntaxSentence() {
    }

    static String of(JsonProcessingException failure, Position where) {
        String message = failure.getOriginalMessage();
        String what = failure instanceof StreamConstraintsException ? limitSentence(message) : syntaxSentence(message);
        return what + " at " + where;
    }

    private static String syntaxSentence(String message) {
        for (Rule rule : RULES) {
            Matcher m = rule.message().matcher(message);
            if (m.find()) {
                return rule.sentence().apply(m);
            }
        }
        return NOT_JSON + firstClause(message);
    }

    private static String limitSentence(String message) {
        Matcher m = LIMIT.matcher(message);
        if (m.find() && LIMITS.containsKey(m.group(2))) {
            return String.format(LIMITS.get(m.group(2)), m.group(1));
        }
        return "value exceeds a read limit: " + firstClause(message);
    }

    /** "Non-standard token 'NaN': enable `JsonReadFeature...` to allow" becomes "non-standard token 'NaN'". */
    private static String firstClause(String message) {
        String clause = message.split("[:(]", 2)[0].strip();
        return clause.isEmpty() ? "it cannot be read" : lowerFirst(clause);
    }

    private static String lowerFirst(String text) {
        return Echo.unquoted(text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1));
    }

    private static Rule rule(String regex, Function<Matcher, String> sentence) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), sentence);
    }

    private static int code(Matcher m) {
        return Integer.parseInt(m.group(1));
    }
}
