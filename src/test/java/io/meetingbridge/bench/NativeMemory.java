package io.meetingbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a pipeline's memory went, from the summary Native Memory Tracking prints when its JVM exits
 * ({@code -XX:+PrintNMTStatistics}): the memory committed per category. Committed is not resident (a committed heap
 * page counts in RSS only once touched), but the categories tell which part of the JVM a difference in RSS comes from.
 */
record NativeMemory(long committedBytes, Map<String, Long> committedByCategory) {

    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=\\d+\\w*, committed=(\\d+)(\\w*)");
    private static final Pattern CATEGORY =
            Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+\\w*, committed=(\\d+)(\\w*)\\)");
    private static final double MEGABYTE = 1024 * 1024;

    /** The last summary in the log (the one printed at exit). */
    static NativeMemory fromLog(Path log) throws IOException {
        return parse(Files.readAllLines(log));
    }

    static NativeMemory parse(List<String> lines) {
        long total = -1;
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher totalLine = TOTAL.matcher(line);
            if (totalLine.find()) {
                total = bytes(totalLine.group(1), totalLine.group(2));
                byCategory.clear();
                continue;
            }
            Matcher category = CATEGORY.matcher(line);
            if (category.find()) {
                byCategory.put(category.group(1), bytes(category.group(2), category.group(3)));
            }
        }
        if (total < 0) {
            throw new IllegalArgumentException("no Native Memory Tracking summary (run with -Dbench.nmt=true)");
        }
        return new NativeMemory(total, byCategory);
    }

    /** The {@code n} categories with the most committed, in MB, and the total. */
    String biggest(int n) {
        return committedByCategory.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(n)
                .map(entry -> "%s %.1f".formatted(entry.getKey(), entry.getValue() / MEGABYTE))
                .collect(Collectors.joining(", ", "", "; total %.1f MB committed".formatted(committedBytes / MEGABYTE)));
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "" -> value;
            case "KB" -> value * 1024;
            case "MB" -> value * 1024 * 1024;
            case "GB" -> value * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unknown unit " + unit + " in a memory summary");
        };
    }
}
