package io.meetingbridge.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The message headers camel-kafka's producer obeys, as the Camel on the classpath names them, each also in
 * the other spelling: Camel 4.18.3 renamed them from {@code kafka.OVERRIDE_TOPIC} to
 * {@code CamelKafkaOverrideTopic} and so on (CAMEL-23584). A test that forges both stays meaningful on either
 * side of the rename: it forges the live names, and the old ones someone may still send.
 */
public final class KafkaControlHeaders {

    /** Where a record goes, its partition, its key and its timestamp. */
    public static final List<String> LIVE = List.of(KafkaConstants.OVERRIDE_TOPIC, KafkaConstants.PARTITION_KEY,
            KafkaConstants.KEY, KafkaConstants.OVERRIDE_TIMESTAMP);

    private static final String OLD_PREFIX = "kafka.";
    private static final String NEW_PREFIX = "CamelKafka";

    private KafkaControlHeaders() {
    }

    /** The constant's value and its other spelling, the live one first. */
    public static List<String> bothSpellings(String constant) {
        return List.of(constant, otherSpelling(constant));
    }

    /**
     * The four controls in both spellings, with values meant to steer: the topic to write to, a partition
     * (a number, or not one), a key and a timestamp.
     */
    public static Map<String, String> forged(String topic, String partition) {
        Map<String, String> headers = new LinkedHashMap<>();
        bothSpellings(KafkaConstants.OVERRIDE_TOPIC).forEach(name -> headers.put(name, topic));
        bothSpellings(KafkaConstants.PARTITION_KEY).forEach(name -> headers.put(name, partition));
        bothSpellings(KafkaConstants.KEY).forEach(name -> headers.put(name, "forged-key"));
        bothSpellings(KafkaConstants.OVERRIDE_TIMESTAMP).forEach(name -> headers.put(name, "1"));
        return headers;
    }

    /** Every control header, in both spellings. */
    public static List<String> all() {
        List<String> names = new ArrayList<>();
        LIVE.forEach(constant -> names.addAll(bothSpellings(constant)));
        return names;
    }

    /** {@code kafka.OVERRIDE_TOPIC} for {@code CamelKafkaOverrideTopic}, and the other way round. */
    static String otherSpelling(String name) {
        if (name.startsWith(OLD_PREFIX)) {
            StringBuilder renamed = new StringBuilder(NEW_PREFIX);
            for (String word : name.substring(OLD_PREFIX.length()).toLowerCase(Locale.ROOT).split("_")) {
                renamed.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            return renamed.toString();
        }
        if (name.startsWith(NEW_PREFIX)) {
            return OLD_PREFIX + name.substring(NEW_PREFIX.length())
                    .replaceAll("(?<=[a-z])(?=[A-Z])", "_").toUpperCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("not a camel-kafka header name: " + name);
    }
}
