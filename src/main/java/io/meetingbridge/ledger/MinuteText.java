package io.meetingbridge.ledger;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The API's times, {@code yyyy-MM-dd HH:mm}, to and from UTC epoch minutes. The ledger packs every
 * occurrence it reads or writes (several per change), and a {@code DateTimeFormatter} round trip per time
 * was the ledger's largest cost in the benchmark's allocation profile; this reads and writes the fixed
 * 16 characters directly, and accepts only the canonical text of a real time, so text survives a round trip.
 */
final class MinuteText {

    /** Not a canonical {@code yyyy-MM-dd HH:mm} of a real time (or absent). */
    static final int NONE = Integer.MIN_VALUE;

    private static final int MINUTES_PER_DAY = 24 * 60;

    private MinuteText() {
    }

    static int minutes(String time) {
        if (time == null || time.length() != 16 || time.charAt(4) != '-' || time.charAt(7) != '-'
                || time.charAt(10) != ' ' || time.charAt(13) != ':') {
            return NONE;
        }
        int year = digits(time, 0, 4);
        int month = digits(time, 5, 2);
        int day = digits(time, 8, 2);
        int hour = digits(time, 11, 2);
        int minute = digits(time, 14, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return NONE;
        }
        try {
            long epochMinutes = LocalDate.of(year, month, day).toEpochDay() * MINUTES_PER_DAY + hour * 60L + minute;
            return epochMinutes == (int) epochMinutes && epochMinutes != NONE ? (int) epochMinutes : NONE;
        } catch (DateTimeException notADay) {
            return NONE;
        }
    }

    static String text(int minutes) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(minutes, MINUTES_PER_DAY));
        int ofDay = Math.floorMod(minutes, MINUTES_PER_DAY);
        char[] text = new char[16];
        put(text, 0, day.getYear(), 4);
        text[4] = '-';
        put(text, 5, day.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, day.getDayOfMonth(), 2);
        text[10] = ' ';
        put(text, 11, ofDay / 60, 2);
        text[13] = ':';
        put(text, 14, ofDay % 60, 2);
        return new String(text);
    }

    /** The number written by {@code count} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void put(char[] text, int from, int value, int count) {
        for (int i = from + count - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
