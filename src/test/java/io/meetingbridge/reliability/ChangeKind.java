package io.meetingbridge.reliability;

/** What a published change is made to provoke, and so what must become of it. */
enum ChangeKind {
    /** A valid weekly series: eight occurrences. */
    VALID,
    /** Not a valid change (not JSON, no value, or out of the API's limits): dead-lettered as invalid-message. */
    INVALID,
    /** A valid change to the conference the simulator always answers 400: dead-lettered as rejected. */
    REFUSED
}
