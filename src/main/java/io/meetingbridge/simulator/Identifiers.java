package io.meetingbridge.simulator;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random 32-hex-character identifiers, the shape of the API's request and occurrence IDs. */
final class Identifiers {

    private static final HexFormat HEX = HexFormat.of();

    private Identifiers() {
    }

    /** 128 random bits: unique for any practical run, and cheap enough for 50 per answer at benchmark rates. */
    static String hex32() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
