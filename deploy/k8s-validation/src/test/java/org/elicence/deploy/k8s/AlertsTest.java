package org.elicence.deploy.k8s;

import static org.elicence.deploy.k8s.OverlaysTest.kind;
import static org.elicence.deploy.k8s.OverlaysTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alerting rules stay tied to what they stand on: every alert has a severity, a summary, a description and a
 * runbook section that exists (docs/operator-runbook.md, "Alerts", a heading per alert), and every metric an alert
 * reads is one docs/deploy.md's "Observability" names, so a renamed metric or section fails here instead of an alert
 * that never fires or links nowhere. And each alert fires on the series it watches going wrong and stays silent on a
 * healthy platform: Prometheus' own promtool runs the unit tests of {@code alerts/alerts-test.yaml} on the rendered
 * rules ({@code deploy/tools/promtool.sh} finds or fetches it; without one the test is skipped and says so).
 */
class AlertsTest {

    /** A metric selector in PromQL: a name followed by its label matchers. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\{");
    private static final Set<String> SEVERITIES = Set.of("warning", "critical");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static java.util.stream.Stream<String> overlays() throws IOException {
        return OverlaysTest.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyAlertHasASeverityItsWordsAndARunbookSectionAndReadsDocumentedMetrics(String overlay) throws IOException {
        List<ObjectNode> rules = kind(render(overlay), "PrometheusRule");
        assertFalse(rules.isEmpty(), overlay + " renders no PrometheusRule");
        String runbook = Files.readString(OverlaysTest.ROOT.resolve("docs/operator-runbook.md"));
        String deploy = Files.readString(OverlaysTest.ROOT.resolve("docs/deploy.md"));
        Set<String> headings = new TreeSet<>();
        runbook.lines().filter(line -> line.startsWith("### ")).forEach(line -> headings.add(line.substring(4).strip()));
        List<String> problems = new ArrayList<>();
        int alerts = 0;
        for (ObjectNode rule : rules) {
            for (JsonNode group : rule.at("/spec/groups")) {
                for (JsonNode alert : group.path("rules")) {
                    String name = alert.path("alert").asText();
                    if (name.isEmpty()) {
                        continue;
                    }
                    alerts++;
                    if (!SEVERITIES.contains(alert.at("/labels/severity").asText())) {
                        problems.add(name + ": severity " + alert.at("/labels/severity"));
                    }
                    for (String annotation : List.of("summary", "description")) {
                        if (alert.at("/annotations/" + annotation).asText().isBlank()) {
                            problems.add(name + ": no " + annotation);
                        }
                    }
                    if (!alert.at("/annotations/runbook_url").asText()
                            .equals("docs/operator-runbook.md#" + name.toLowerCase(java.util.Locale.ROOT))) {
                        problems.add(name + ": runbook_url " + alert.at("/annotations/runbook_url"));
                    }
                    if (!headings.contains(name)) {
                        problems.add(name + ": no section '### " + name + "' in docs/operator-runbook.md");
                    }
                    Matcher metric = METRIC.matcher(alert.path("expr").asText());
                    boolean readsAMetric = false;
                    while (metric.find()) {
                        readsAMetric = true;
                        if (!deploy.contains("`" + metric.group(1) + "`") && !deploy.contains("`" + metric.group(1) + "{")) {
                            problems.add(name + ": metric " + metric.group(1) + " is not in docs/deploy.md's Observability");
                        }
                    }
                    if (!readsAMetric) {
                        problems.add(name + ": no metric selector in " + alert.path("expr").asText());
                    }
                }
            }
        }
        assertTrue(alerts > 0, overlay + ": no alert");
        assertEquals(List.of(), problems, overlay);
    }

    @Test
    void alertsFireOnWhatTheyWatchAndStaySilentOnAHealthyPlatform(@TempDir Path dir) throws Exception {
        String promtool = promtool();
        Assumptions.assumeTrue(promtool != null, "no promtool on the PATH and none from Debian's prometheus package "
                + "(deploy/tools/promtool.sh): the alerts' unit tests were not run");
        List<ObjectNode> rules = kind(render("prod"), "PrometheusRule");
        ObjectNode file = YAML.createObjectNode();
        file.set("groups", rules.get(0).at("/spec/groups"));
        YAML.writeValue(dir.resolve("rules.yaml").toFile(), file);
        try (InputStream tests = getClass().getResourceAsStream("/alerts/alerts-test.yaml")) {
            Files.copy(tests, dir.resolve("alerts-test.yaml"));
        }
        Path log = dir.resolve("promtool.log");
        Process run = new ProcessBuilder(promtool, "test", "rules", "alerts-test.yaml").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError("promtool did not finish within 60 s");
        }
        String output = Files.readString(log);
        assertEquals(0, run.exitValue(), output);
        assertTrue(output.contains("SUCCESS"), output);
    }

    /** The path deploy/tools/promtool.sh prints, or null when it finds none. */
    private static String promtool() throws IOException, InterruptedException {
        Path out = Files.createTempFile("promtool", ".path");
        try {
            Process find = new ProcessBuilder("bash", OverlaysTest.ROOT.resolve("deploy/tools/promtool.sh").toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
            if (!find.waitFor(300, TimeUnit.SECONDS)) {
                find.destroyForcibly();
                return null;
            }
            String path = Files.readString(out).strip();
            return find.exitValue() == 0 && !path.isEmpty() ? path : null;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
