package io.meetingbridge.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;

/** Reads the spans a bridge exported: one change's trace, and its tree as indented span names. */
final class SpanTrees {

    private SpanTrees() {
    }

    /** The change's span, once exported (it ends last of its trace). */
    static SpanData changeSpan(InMemorySpanExporter exporter, String changeId) {
        return Awaitility.await("the span of change " + changeId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> find(exporter.getFinishedSpanItems(), changeId), Optional::isPresent).get();
    }

    /** Every span of the change's trace, in the order they started. */
    static List<SpanData> traceOf(InMemorySpanExporter exporter, String changeId) {
        String traceId = changeSpan(exporter, changeId).getTraceId();
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }

    /** The tree below the trace's local root, one span a line, indented by depth. */
    static String render(List<SpanData> trace) {
        StringBuilder tree = new StringBuilder();
        trace.stream().filter(s -> trace.stream().noneMatch(p -> p.getSpanId().equals(s.getParentSpanId())))
                .forEach(root -> render(trace, root, 0, tree));
        return tree.toString();
    }

    private static void render(List<SpanData> trace, SpanData span, int depth, StringBuilder tree) {
        tree.append("  ".repeat(depth)).append(span.getName()).append('\n');
        trace.stream().filter(s -> s.getParentSpanId().equals(span.getSpanId()))
                .forEach(child -> render(trace, child, depth + 1, tree));
    }

    /** Every attribute and event of the spans, names and values, as one text to search. */
    static String everythingSaid(List<SpanData> spans) {
        StringBuilder text = new StringBuilder();
        for (SpanData span : spans) {
            text.append(span.getName()).append('\n').append(span.getAttributes()).append('\n')
                    .append(span.getStatus()).append('\n');
            span.getEvents().forEach(e -> text.append(e.getName()).append(e.getAttributes()).append('\n'));
        }
        return text.toString();
    }

    private static Optional<SpanData> find(List<SpanData> spans, String changeId) {
        return spans.stream().filter(s -> s.getName().equals(ChangeTraces.CHANGE_SPAN_NAME))
                .filter(s -> changeId.equals(s.getAttributes().get(AttributeKey.stringKey(SpanAttributes.CHANGE_ID))))
                .findFirst();
    }
}
