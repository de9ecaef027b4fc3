package io.meetingbridge.change;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Set;

/**
 * Says in one sentence why Jackson could not read a value: what was found, and where. The sentence is
 * built from the exception's type, the parser's state when it stopped (its token, context, field name)
 * and the value's own text at the failure's location, never from Jackson's message, whose wording
 * (what it expected, its feature flags) is Jackson's to change.
 */
final class JsonSyntaxSentence {

    private static final String NOT_JSON = "value is not JSON: ";
    /** The words Jackson reads as numbers only with ALLOW_NON_NUMERIC_NUMBERS, which the bridge leaves off. */
    private static final Set<String> NON_NUMERIC_NUMBERS =
            Set.of("NaN", "Infinity", "+Infinity", "-Infinity", "INF", "+INF", "-INF");

    private final JsonProcessingException failure;
    private final JsonParser parser;
    private final String text;
    private final int offset;

    private JsonSyntaxSentence(JsonProcessingException failure, JsonParser parser, String text, JsonLocation where) {
        this.failure = failure;
        this.parser = parser;
        this.text = text;
        this.offset = (int) Math.max(0, Math.min(text.length(), where.getCharOffset()));
    }

    /**
     * @param parser the parser that failed, in the state it failed in
     * @param text   the value it read
     * @param where  where it stopped
     */
    static String of(JsonProcessingException failure, JsonParser parser, String text, JsonLocation where) {
        return new JsonSyntaxSentence(failure, parser, text, where).sentence() + " at " + Position.of(where);
    }

    private String sentence() {
        if (failure instanceof JsonEOFException) {
            return NOT_JSON + "it ends before the JSON is complete";
        }
        if (failure instanceof StreamConstraintsException) {
            return limitSentence(parser.streamReadConstraints());
        }
        JsonStreamContext context = parser.getParsingContext();
        String name = context.inObject() ? context.getCurrentName() : null;
        if (name != null && parser.currentToken() != JsonToken.FIELD_NAME && endsWithName(name)) {
            // the name was read and recorded, but no value can follow: it is there already
            return "value has the field " + Echo.quoted(name) + " more than once";
        }
        if (insideString()) {
            return stringSentence();
        }
        if (offset > 0 && isForbiddenControl(text.codePointBefore(offset))) {
            return NOT_JSON + "unexpected character " + Echo.character(text.codePointBefore(offset));
        }
        String word = wordBefore();
        if (expectsValue(context) && !word.isEmpty()) {
            return valueSentence(word);
        }
        return offset < text.length()
                ? NOT_JSON + "unexpected character " + Echo.character(text.codePointAt(offset))
                : NOT_JSON + "it ends before the JSON is complete";
    }

    /**
     * Which read limit was exceeded, from where the parser stood: one level too deep, inside a string,
     * at a number where a value goes, or at a field name. A value within the byte limit is within the
     * document limit too.
     */
    private String limitSentence(StreamReadConstraints limits) {
        JsonStreamContext context = parser.getParsingContext();
        if (context.getNestingDepth() > limits.getMaxNestingDepth()) {
            return "value nests deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return "value has a string longer than " + limits.getMaxStringLength() + " characters";
        }
        if (expectsValue(context)) {
            return "value has a number longer than " + limits.getMaxNumberLength() + " characters";
        }
        return "value has a field name longer than " + limits.getMaxNameLength() + " characters";
    }

    /** A string stopped at a character it may not hold: an unknown escape, or a control character. */
    private String stringSentence() {
        if (offset >= text.length()) {
            return NOT_JSON + "it ends before the JSON is complete";
        }
        int found = text.codePointAt(offset);
        if (offset > 0 && text.charAt(offset - 1) == '\\') {
            return NOT_JSON + "unrecognized character escape " + Echo.character(found);
        }
        if (found < 0x20) {
            return NOT_JSON + "control character " + Echo.character(found) + " must be escaped inside a string";
        }
        return NOT_JSON + "unexpected character " + Echo.character(found);
    }

    /** A word where a value goes: a non-standard number, a number with a leading zero, or no JSON token at all. */
    private String valueSentence(String word) {
        if (NON_NUMERIC_NUMBERS.contains(word)) {
            return NOT_JSON + "non-standard token '" + Echo.unquoted(word) + "'";
        }
        boolean leadingZero = (word.equals("0") || word.equals("-0"))
                && offset < text.length() && Character.isDigit(text.charAt(offset));
        if (leadingZero) {
            return NOT_JSON + "invalid number, leading zeroes not allowed";
        }
        if (Character.isLetter(word.codePointAt(0))) {
            return NOT_JSON + "unrecognized token " + Echo.quoted(word);
        }
        int next = endOfNumber(offset - word.length());
        return next < text.length()
                ? NOT_JSON + "unexpected character " + Echo.character(text.codePointAt(next))
                : NOT_JSON + "it ends before the JSON is complete";
    }

    /** Where JSON's number grammar, {@code -?digits(.digits)?([eE][+-]?digits)?}, stops going on from {@code start}. */
    private int endOfNumber(int start) {
        int i = start;
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        i = endOfDigits(i);
        if (i < text.length() && text.charAt(i) == '.') {
            if (!isDigitAt(++i)) {
                return i;
            }
            i = endOfDigits(i);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (!isDigitAt(i)) {
                return i;
            }
            i = endOfDigits(i);
        }
        return i;
    }

    private int endOfDigits(int from) {
        int i = from;
        while (isDigitAt(i)) {
            i++;
        }
        return i;
    }

    private boolean isDigitAt(int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    /** A field name just read: the text before the location is that name in quotes, and a colon follows. */
    private boolean endsWithName(String name) {
        String quoted = "\"" + name + "\"";
        if (offset < quoted.length() || !text.startsWith(quoted, offset - quoted.length())) {
            return false;
        }
        int next = offset;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next < text.length() && text.charAt(next) == ':';
    }

    /** Whether the location is inside a string, counting the unescaped double quotes before it. */
    private boolean insideString() {
        boolean inside = false;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (inside && c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The letters, digits and sign that end at the location: the token Jackson could not read. */
    private String wordBefore() {
        int start = offset;
        while (start > 0 && isWordPart(text.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && start < offset && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '+')) {
            start--;
        }
        return text.substring(start, offset);
    }

    /** Where the parser stood, a value comes next: after a field name, in an array, or at the top. */
    private boolean expectsValue(JsonStreamContext context) {
        return parser.currentToken() == JsonToken.FIELD_NAME || context.inArray() || context.inRoot();
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** A control character JSON allows nowhere outside a string (tab, line feed and carriage return are white space). */
    private static boolean isForbiddenControl(int codePoint) {
        return codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
    }
}
