package io.meetingbridge.reliability;

import io.meetingbridge.testing.SampleChanges;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The changes a run publishes, one after the other: valid weekly series spread at random (seeded) over
 * many conferences, every {@code invalidEvery}-th record invalid and every {@code refusedEvery}-th a
 * change to {@link #REFUSED_CONFERENCE}.
 */
final class ChangeMix {

    /** The conference the run's simulator is told to refuse with 400, always. */
    static final String REFUSED_CONFERENCE = "900000000";
    /** Where invalid values that still parse point; kept apart from the valid conferences. */
    private static final String INVALID_CONFERENCE = "800000000";
    private static final int FIRST_CONFERENCE = 700_000_000;
    private static final String REVISION = "Weekly sync, revision ";

    private final String runTag;
    private final List<String> conferences;
    private final int invalidEvery;
    private final int refusedEvery;
    private final Random random;
    private final Map<String, Integer> validSoFarByConference = new HashMap<>();
    private int serial;

    private ChangeMix(String runTag, int conferences, int invalidEvery, int refusedEvery, long seed) {
        this.runTag = runTag;
        this.conferences = IntStream.range(0, conferences)
                .mapToObj(i -> Integer.toString(FIRST_CONFERENCE + i))
                .toList();
        this.invalidEvery = invalidEvery;
        this.refusedEvery = refusedEvery;
        this.random = new Random(seed);
    }

    /** Only valid changes. */
    static ChangeMix valid(String runTag, int conferences, long seed) {
        return new ChangeMix(runTag, conferences, Integer.MAX_VALUE, Integer.MAX_VALUE, seed);
    }

    static ChangeMix withFailures(String runTag, int conferences, int invalidEvery, int refusedEvery, long seed) {
        return new ChangeMix(runTag, conferences, invalidEvery, refusedEvery, seed);
    }

    PlannedChange next() {
        serial++;
        String changeId = runTag + "-" + serial;
        if (serial % invalidEvery == 0) {
            return invalid(changeId, serial / invalidEvery);
        }
        if (serial % refusedEvery == 0) {
            return new PlannedChange(ChangeKind.REFUSED, changeId, REFUSED_CONFERENCE, -1,
                    SampleChanges.weekly(changeId, REFUSED_CONFERENCE));
        }
        String conference = conferences.get(random.nextInt(conferences.size()));
        int seq = validSoFarByConference.merge(conference, 1, Integer::sum) - 1;
        return new PlannedChange(ChangeKind.VALID, changeId, conference, seq,
                SampleChanges.weekly(changeId, conference, subject(seq)));
    }

    /** The subject of a conference's valid change {@code seq}: what tells the API's writes apart. */
    static String subject(int seq) {
        return REVISION + seq;
    }

    /** The seq whose {@link #subject} this is, {@link SeriesOrder#UNKNOWN} for a subject of no valid change. */
    static int seqOf(String subject) {
        return subject != null && subject.startsWith(REVISION) ? Integer.parseInt(subject.substring(REVISION.length()))
                : SeriesOrder.UNKNOWN;
    }

    /** Three kinds in turn: a value that is not JSON, no value at all, a length below the API's minimum. */
    private static PlannedChange invalid(String changeId, int nth) {
        return switch (nth % 3) {
            case 0 -> new PlannedChange(ChangeKind.INVALID, null, INVALID_CONFERENCE, -1, "not a change " + changeId);
            case 1 -> new PlannedChange(ChangeKind.INVALID, null, INVALID_CONFERENCE, -1, null);
            default -> new PlannedChange(ChangeKind.INVALID, changeId, INVALID_CONFERENCE, -1,
                    SampleChanges.weekly(changeId, INVALID_CONFERENCE).replace("\"length\":60", "\"length\":5"));
        };
    }
}
