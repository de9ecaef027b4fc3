package io.meetingbridge.simulator;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query of a call about one meeting: exactly one conferenceID of ASCII digits, and only the
 * parameters the call allows.
 */
final class ConferenceQuery {

    static final String CONFERENCE_ID = "conferenceID";

    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

    private ConferenceQuery() {
    }

    /** @param optional the other parameters the operation documents (deprecated ones such as userUUID are refused) */
    static String conferenceID(QueryString query, Set<String> optional) throws InvalidFieldException {
        Set<String> allowed = new HashSet<>(optional);
        allowed.add(CONFERENCE_ID);
        if (!query.hasOnly(allowed) || query.first(CONFERENCE_ID).isEmpty()) {
            throw new InvalidFieldException("the query must be exactly one conferenceID parameter"
                    + (optional.isEmpty() ? "" : " and optionally " + String.join(", ", new TreeSet<>(optional))));
        }
        String conferenceID = query.first(CONFERENCE_ID).get();
        if (!ASCII_DIGITS.matcher(conferenceID).matches()) {
            throw new InvalidFieldException("conferenceID must be digits 0-9");
        }
        return conferenceID;
    }
}
