package io.meetingbridge.change;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes a record value as UTF-8 and nothing else. Jackson, given bytes, would skip a byte order
 * mark and detect UTF-16 and UTF-32 on its own; the contract says UTF-8, nothing before the object.
 */
final class StrictUtf8 {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StrictUtf8() {
    }

    static String decode(byte[] value) throws InvalidChangeException {
        if (startsWithByteOrderMark(value)) {
            throw new InvalidChangeException(
                    "value starts with a byte order mark (EF BB BF); it must be UTF-8 without one");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(value);
        // UTF-8 never yields more chars than it has bytes
        CharBuffer out = CharBuffer.allocate(value.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidChangeException(String.format("value is not valid UTF-8: byte 0x%02X at %s",
                    value[in.position()], positionAfter(out.flip())));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean startsWithByteOrderMark(byte[] value) {
        int n = BYTE_ORDER_MARK.length;
        return value.length >= n && Arrays.equals(value, 0, n, BYTE_ORDER_MARK, 0, n);
    }

    /** The position right after the text decoded so far. */
    private static Position positionAfter(CharSequence decoded) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, decoded.length() - lineStart + 1);
    }
}
