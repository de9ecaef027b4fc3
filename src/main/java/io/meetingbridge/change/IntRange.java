package io.meetingbridge.change;

/** An inclusive range of whole numbers, written {@code 1..5} as the API documentation writes it. */
record IntRange(int min, int max) {

    boolean contains(int value) {
        return min <= value && value <= max;
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
