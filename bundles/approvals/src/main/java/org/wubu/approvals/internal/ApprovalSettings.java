package org.wubu.approvals.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalStep;

/**
 * The configuration in force: per-kind overrides of chain, four-eyes waiver and deadline, parsed from
 * the component's properties. A bad entry is logged and ignored (the kind's default stays), so that a
 * typo in etc/ cannot stop approvals of every kind.
 */
final class ApprovalSettings {

    static final String CHAIN = "chain.";
    static final String ALLOW_SAME_DECIDER = "allowSameDecider.";
    static final String DEADLINE = "deadline.";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalSettings.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");
    private static final Duration MAX_RETRY = Duration.ofHours(6);

    private final Map<String, List<ApprovalStep>> chains;
    private final Map<String, Boolean> allowSameDecider;
    private final Map<String, Optional<Duration>> deadlines;
    private final Duration retryBase;
    private final List<String> problems;

    private ApprovalSettings(Map<String, List<ApprovalStep>> chains, Map<String, Boolean> allowSameDecider,
                             Map<String, Optional<Duration>> deadlines, Duration retryBase, List<String> problems) {
        this.chains = Map.copyOf(chains);
        this.allowSameDecider = Map.copyOf(allowSameDecider);
        this.deadlines = Map.copyOf(deadlines);
        this.retryBase = retryBase;
        this.problems = List.copyOf(problems);
    }

    static ApprovalSettings defaults() {
        return of(5, Map.of());
    }

    static ApprovalSettings of(int retryMinutes, Map<String, ?> properties) {
        Map<String, List<ApprovalStep>> chains = new HashMap<>();
        Map<String, Boolean> same = new HashMap<>();
        Map<String, Optional<Duration>> deadlines = new HashMap<>();
        List<String> problems = new ArrayList<>();
        properties.forEach((key, value) -> {
            try {
                if (key.startsWith(CHAIN)) {
                    chains.put(kindOf(key, CHAIN), parseChain(value));
                } else if (key.startsWith(ALLOW_SAME_DECIDER)) {
                    same.put(kindOf(key, ALLOW_SAME_DECIDER), parseBoolean(value));
                } else if (key.startsWith(DEADLINE)) {
                    deadlines.put(kindOf(key, DEADLINE), parseDeadline(text(value)));
                }
            } catch (IllegalArgumentException e) {
                String problem = key + " in etc/org.wubu.approvals.cfg is ignored: " + e.getMessage();
                LOG.error(problem);
                problems.add(problem);
            }
        });
        Duration retry = Duration.ofMinutes(retryMinutes > 0 ? retryMinutes : 5);
        return new ApprovalSettings(chains, same, deadlines, retry, problems);
    }

    /** The kind as it applies now: the declared defaults with this configuration's overrides. */
    ApprovalKind effective(ApprovalKind declared) {
        List<ApprovalStep> chain = chains.get(declared.id());
        if (chain != null) {
            chain = chain.stream().map(s -> withLabels(s, declared.chain())).toList();
        } else {
            chain = declared.chain();
        }
        Optional<Duration> deadline = deadlines.getOrDefault(declared.id(), Optional.ofNullable(declared.deadline()));
        boolean same = allowSameDecider.getOrDefault(declared.id(), declared.allowSameDecider());
        return new ApprovalKind(declared.id(), declared.titleEn(), declared.titleZh(), chain, deadline.orElse(null), same);
    }

    /** When a failed apply is tried again: the base interval, doubled with each attempt, at most 6 hours. */
    Duration retryAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 16);
        Duration d = retryBase.multipliedBy(1L << doublings);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    List<String> problems() {
        return problems;
    }

    /** A configured step takes its labels from the declared step with the same role or permission. */
    private static ApprovalStep withLabels(ApprovalStep configured, List<ApprovalStep> declared) {
        return declared.stream().filter(d -> d.spec().equals(configured.spec())).findFirst().orElse(configured);
    }

    private static String kindOf(String key, String prefix) {
        String kind = key.substring(prefix.length());
        if (!kind.matches(ApprovalKind.ID_PATTERN)) {
            throw new IllegalArgumentException("'" + kind + "' is not an approval kind id");
        }
        return kind;
    }

    static List<ApprovalStep> parseChain(Object value) {
        List<String> specs = new ArrayList<>();
        for (String part : texts(value)) {
            Arrays.stream(part.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(specs::add);
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one step, e.g. role:marketing-director");
        }
        return specs.stream().map(ApprovalSettings::parseStep).toList();
    }

    static ApprovalStep parseStep(String spec) {
        int colon = spec.indexOf(':');
        String type = colon < 0 ? "" : spec.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String name = colon < 0 ? "" : spec.substring(colon + 1).trim();
        if (!NAME.matcher(name).matches() || !(type.equals("role") || type.equals("permission"))) {
            throw new IllegalArgumentException("a step is role:<name> or permission:<name> (got '" + spec + "')");
        }
        return type.equals("role") ? ApprovalStep.role(name, null, null) : ApprovalStep.permission(name, null, null);
    }

    static Optional<Duration> parseDeadline(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return Optional.empty();
        }
        Duration d;
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("a deadline is like 48h, 30m, 2d, PT48H or none (got '" + text + "')");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("a deadline must be positive (got '" + text + "')");
        }
        return Optional.of(d);
    }

    private static boolean parseBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String t = text(value).trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new IllegalArgumentException("expected true or false (got '" + value + "')");
    }

    private static String text(Object value) {
        return String.join(",", texts(value));
    }

    private static List<String> texts(Object value) {
        if (value instanceof String[] a) {
            return List.of(a);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
