package io.meetingbridge.reliability;

/**
 * One instance of a group going away and coming back, from the signal until it is back in the group and
 * the group has caught up: the stretch of time in which its partitions changed hands twice.
 *
 * @param fromMillis when the signal was sent (epoch ms)
 * @param toMillis   when the group was whole and caught up again (epoch ms)
 */
record HandOver(String signal, String instance, long fromMillis, long toMillis) {

    String label() {
        return signal + " " + instance;
    }
}
