package io.meetingbridge.change;

import java.util.Comparator;
import java.util.List;

/**
 * One way in which a record is not a valid meeting change.
 *
 * @param path     where it is; problems are reported in path order
 * @param sentence what is wrong, a complete sentence that names the path
 */
record Problem(FieldPath path, String sentence) {

    private static final Comparator<Problem> REPORT_ORDER =
            Comparator.comparing(Problem::path).thenComparing(Problem::sentence);

    /** Throws for the first problem in path order, counting the others, when there is any. */
    static void rejectIfAny(List<Problem> problems) throws InvalidChangeException {
        if (problems.isEmpty()) {
            return;
        }
        Problem first = problems.stream().min(REPORT_ORDER).orElseThrow();
        int others = problems.size() - 1;
        throw new InvalidChangeException(switch (others) {
            case 0 -> first.sentence();
            case 1 -> first.sentence() + " (and 1 more problem)";
            default -> first.sentence() + " (and " + others + " more problems)";
        });
    }
}
