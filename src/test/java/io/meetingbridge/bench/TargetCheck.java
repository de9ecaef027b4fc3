package io.meetingbridge.bench;

/** One of the targets, whether the run met it, and the figure that decided. */
record TargetCheck(String target, boolean met, String measured) {

    String verdict() {
        return met ? "PASS" : "FAIL";
    }
}
