package io.meetingbridge.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the group wrote its output, read from the occurrence records' timestamps: how long the output
 * paused within a stretch of time, for the whole group and per partition (the occurrences topic has the
 * input's partitions and keys, so an output partition pauses exactly when its input partition does).
 */
final class OutputTimeline {

    private final Map<Integer, List<Long>> timestampsByPartition;
    private final List<Long> all;

    private OutputTimeline(Map<Integer, List<Long>> timestampsByPartition) {
        this.timestampsByPartition = timestampsByPartition;
        List<Long> merged = new ArrayList<>();
        timestampsByPartition.values().forEach(merged::addAll);
        merged.sort(null);
        this.all = merged;
    }

    static OutputTimeline of(Ledger ledger) {
        return new OutputTimeline(ledger.occurrenceTimestampsByPartition());
    }

    /** The longest time in [from, to] without any output of the group, in ms. */
    long longestPause(HandOver handOver) {
        return longestPause(all, handOver.fromMillis(), handOver.toMillis());
    }

    /** How many partitions had no output for longer than {@code thresholdMillis} in [from, to]. */
    long partitionsPausedLongerThan(long thresholdMillis, HandOver handOver) {
        return longestPauseByPartition(handOver).values().stream().filter(pause -> pause > thresholdMillis).count();
    }

    /** Per partition, the longest time in [from, to] without its output, in ms. */
    Map<Integer, Long> longestPauseByPartition(HandOver handOver) {
        Map<Integer, Long> pauses = new TreeMap<>();
        timestampsByPartition.forEach((partition, times) ->
                pauses.put(partition, longestPause(sorted(times), handOver.fromMillis(), handOver.toMillis())));
        return pauses;
    }

    /** A pause is the time between two consecutive records, or a window's edge and its nearest record. */
    private static long longestPause(List<Long> sortedTimes, long from, long to) {
        long previous = from;
        long longest = 0;
        for (long time : sortedTimes) {
            if (time <= from) {
                continue;
            }
            if (time > to) {
                break;
            }
            longest = Math.max(longest, time - previous);
            previous = time;
        }
        return Math.max(longest, to - previous);
    }

    private static List<Long> sorted(List<Long> times) {
        List<Long> copy = new ArrayList<>(times);
        copy.sort(null);
        return copy;
    }
}
