package org.elicence.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command block of docs/operator-runbook.md exactly as written: the fenced block after the
 * marker {@code <!-- runbook:NAME -->}, in bash, with the variables an operator would set.
 */
public final class Runbook {

    private static final Path RUNBOOK = findRunbook();

    private Runbook() {
    }

    /** Tests run from a module folder at any depth below the repository root. */
    private static Path findRunbook() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("operator-runbook.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of("docs", "operator-runbook.md");
    }

    public static String command(String name) {
        try {
            List<String> lines = Files.readAllLines(RUNBOOK, StandardCharsets.UTF_8);
            int marker = lines.indexOf("<!-- runbook:" + name + " -->");
            if (marker < 0 || !lines.get(marker + 1).startsWith("```")) {
                throw new AssertionError("no command block runbook:" + name + " in " + RUNBOOK);
            }
            StringBuilder block = new StringBuilder();
            for (int i = marker + 2; !lines.get(i).startsWith("```"); i++) {
                block.append(lines.get(i)).append('\n');
            }
            return block.toString();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + RUNBOOK, e);
        }
    }

    /** Runs the block in {@code workDir}; returns its standard output, fails on a non-zero exit. */
    public static String run(String name, Map<String, String> variables, Path workDir) {
        Result result = execute("runbook:" + name, command(name), variables, workDir);
        if (result.exit() != 0) {
            throw new AssertionError("runbook:" + name + " exited " + result.exit() + ": " + result.error());
        }
        return result.output();
    }

    /**
     * Runs {@code script} (a block changed by the caller, e.g. to do what the runbook says is refused) as a block is
     * run; returns its standard output and error together, whatever its exit.
     */
    public static String attempt(String script, Map<String, String> variables, Path workDir) {
        Result result = execute("script", script, variables, workDir);
        return result.output() + result.error();
    }

    private record Result(int exit, String output, String error) {
    }

    private static Result execute(String label, String script, Map<String, String> variables, Path workDir) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-eo", "pipefail", "-c", script)
                    .directory(workDir.toFile());
            builder.environment().putAll(variables);
            Path stderr = Files.createTempFile("runbook", ".err");
            try {
                builder.redirectError(stderr.toFile());
                Process process = builder.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(label + " did not finish within 60 s");
                }
                return new Result(process.exitValue(), output, Files.readString(stderr));
            } finally {
                Files.deleteIfExists(stderr); // also after a timeout or a failed start
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + label, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
