package io.meetingbridge.change;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Quotes input inside an error sentence. The sentence travels in a Kafka header and into logs, so an
 * echo is short (at most 40 characters of input), stays on one line and shows invisible characters
 * as {@code \\uXXXX} instead of writing them.
 */
final class Echo {

    private static final int MAX_CODE_POINTS = 40;
    private static final String CUT_MARK = "…";

    private Echo() {
    }

    /** A JSON value as JSON text: strings in double quotes, numbers as written, containers compact. */
    static String of(JsonNode value) {
        return value.isTextual() ? quoted(value.textValue()) : unquoted(value.toString());
    }

    /** A piece of text in double quotes, escaped as in JSON. */
    static String quoted(String text) {
        boolean cut = isLong(text);
        String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(cut ? head(text) : text));
        return "\"" + visible(escaped) + (cut ? CUT_MARK : "") + "\"";
    }

    /** A piece of text as it is, shortened and with invisible characters escaped. */
    static String unquoted(String text) {
        return visible(isLong(text) ? head(text) + CUT_MARK : text);
    }

    /** One character: {@code 'x'} when it can be seen, {@code U+000A} when it cannot. */
    static String character(int codePoint) {
        return isInvisible(codePoint) || Character.isWhitespace(codePoint)
                ? String.format("U+%04X", codePoint)
                : "'" + Character.toString(codePoint) + "'";
    }

    private static boolean isLong(String text) {
        return text.codePointCount(0, text.length()) > MAX_CODE_POINTS;
    }

    private static String head(String text) {
        return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS));
    }

    private static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isInvisible(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Control, format (bidi overrides, zero-width), line-breaking and lone surrogate characters. */
    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.SURROGATE -> true;
            default -> false;
        };
    }
}
