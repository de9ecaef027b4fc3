package io.meetingbridge.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where secrets appear in captured text. Findings show the place with the secret masked, so a report leaks nothing. */
final class LeakScan {

    private static final int CONTEXT = 80;
    private static final int SHOWN_PER_PLACE = 10;

    private LeakScan() {
    }

    /**
     * @param secrets  secret values by a label to show in their place, e.g. "App key"
     * @param captured captured text by where it came from, e.g. "logs"
     */
    static List<String> find(Map<String, String> secrets, Map<String, String> captured) {
        List<String> findings = new ArrayList<>();
        secrets.forEach((label, secret) -> captured.forEach((channel, text) -> {
            int shown = 0;
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length())) {
                if (++shown > SHOWN_PER_PLACE) {
                    findings.add(label + " in " + channel + ": and more");
                    break;
                }
                String around = text.substring(Math.max(0, at - CONTEXT),
                        Math.min(text.length(), at + secret.length() + CONTEXT));
                findings.add(label + " in " + channel + ": ..." + around.replace(secret, "<" + label + ">") + "...");
            }
        }));
        return findings;
    }
}
