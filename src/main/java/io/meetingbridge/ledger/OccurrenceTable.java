package io.meetingbridge.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A series' known occurrences, packed: the ledger holds every series the bridge ever applied, so each
 * occurrence costs about 45 bytes of heap (its id's bytes, two times as epoch minutes, a flag) instead of
 * the ~200 of three strings and a record. Immutable.
 */
final class OccurrenceTable {

    static final OccurrenceTable EMPTY = new OccurrenceTable(List.of());
    /** A time absent, or not written {@code yyyy-MM-dd HH:mm}: then {@link #oddTimes} keeps its text. */
    private static final int NOT_MINUTES = MinuteText.NONE;

    private final byte[] ids;
    private final int[] idEnds;
    private final int[] starts;
    private final int[] ends;
    private final boolean[] cancelled;
    /** Start and end texts of the rare occurrence whose times are not in the API's usual form; else null. */
    private final String[] oddTimes;

    OccurrenceTable(List<KnownOccurrence> occurrences) {
        int n = occurrences.size();
        idEnds = new int[n];
        starts = new int[n];
        ends = new int[n];
        cancelled = new boolean[n];
        String[] odd = null;
        ByteArrayOutputStream allIds = new ByteArrayOutputStream(n * 32);
        for (int i = 0; i < n; i++) {
            KnownOccurrence occurrence = occurrences.get(i);
            allIds.writeBytes(occurrence.cycleSubConfID().getBytes(StandardCharsets.UTF_8));
            idEnds[i] = allIds.size();
            starts[i] = MinuteText.minutes(occurrence.startTime());
            ends[i] = MinuteText.minutes(occurrence.endTime());
            cancelled[i] = occurrence.cancelled();
            if (starts[i] == NOT_MINUTES || ends[i] == NOT_MINUTES) {
                odd = odd == null ? new String[2 * n] : odd;
                odd[2 * i] = occurrence.startTime();
                odd[2 * i + 1] = occurrence.endTime();
            }
        }
        ids = allIds.toByteArray();
        oddTimes = odd;
    }

    List<KnownOccurrence> list() {
        List<KnownOccurrence> list = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            String id = new String(ids, i == 0 ? 0 : idEnds[i - 1], idEnds[i] - (i == 0 ? 0 : idEnds[i - 1]),
                    StandardCharsets.UTF_8);
            String start = oddTimes != null && oddTimes[2 * i] != null ? oddTimes[2 * i] : text(starts[i]);
            String end = oddTimes != null && oddTimes[2 * i + 1] != null ? oddTimes[2 * i + 1] : text(ends[i]);
            list.add(new KnownOccurrence(id, start, end, cancelled[i]));
        }
        return list;
    }

    int size() {
        return starts.length;
    }

    private static String text(int minutes) {
        return minutes == NOT_MINUTES ? null : MinuteText.text(minutes);
    }
}
