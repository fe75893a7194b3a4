package org.elicence.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts of a set of {@link JourneyRunner.Outcome}s and latency percentiles, as markdown. */
final class RunSummary {

    private final List<JourneyRunner.Outcome> outcomes;

    RunSummary(List<JourneyRunner.Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    long accepted() {
        return outcomes.stream().filter(JourneyRunner.Outcome::accepted).count();
    }

    List<JourneyRunner.Outcome> notAtEndState() {
        return outcomes.stream().filter(o -> o.accepted() && !o.reachedEndState()).toList();
    }

    List<JourneyRunner.Outcome> neverAccepted() {
        return outcomes.stream().filter(o -> !o.accepted()).toList();
    }

    String outcomeTable() {
        StringBuilder table = new StringBuilder(
                "| journey | expected end state | submitted | accepted | reached it | elsewhere | client retries |\n"
                        + "|---|---|---|---|---|---|---|\n");
        Map<Journey, List<JourneyRunner.Outcome>> byJourney = outcomes.stream()
                .collect(Collectors.groupingBy(JourneyRunner.Outcome::journey, TreeMap::new, Collectors.toList()));
        byJourney.forEach((journey, list) -> table.append("| ").append(journey).append(" | ").append(journey.endState)
                .append(" | ").append(list.size())
                .append(" | ").append(list.stream().filter(JourneyRunner.Outcome::accepted).count())
                .append(" | ").append(list.stream().filter(JourneyRunner.Outcome::reachedEndState).count())
                .append(" | ").append(elsewhere(list))
                .append(" | ").append(list.stream().mapToInt(JourneyRunner.Outcome::retries).sum()).append(" |\n"));
        return table.toString();
    }

    private static String elsewhere(List<JourneyRunner.Outcome> list) {
        Map<String, Long> other = list.stream().filter(o -> o.accepted() && !o.reachedEndState())
                .collect(Collectors.groupingBy(o -> String.valueOf(o.finalStatus()), TreeMap::new, Collectors.counting()));
        return other.isEmpty() ? "0" : other.toString();
    }

    /** A markdown row: count, p50/p95/p99 and max of one latency. */
    static String latencyRow(String name, long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        if (sorted.length == 0) {
            return "| " + name + " | 0 | – | – | – | – |\n";
        }
        return "| " + name + " | " + sorted.length + " | " + percentile(sorted, 50) + " | " + percentile(sorted, 95)
                + " | " + percentile(sorted, 99) + " | " + sorted[sorted.length - 1] + " |\n";
    }

    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
            String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + ", Java "
                    + System.getProperty("java.version") + ", load average (1/5/15 min) at the end: " + load[0] + " "
                    + load[1] + " " + load[2];
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    static void write(String name, String markdown) throws IOException {
        Path dir = Path.of("target", "reliability");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), markdown);
        System.out.println(markdown);
    }
}
