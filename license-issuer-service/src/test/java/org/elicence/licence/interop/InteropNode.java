package org.elicence.licence.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the independent verifiers of {@code src/test/node} (the npm packages {@code @auth0/mdl} and {@code jsqr},
 * pinned by the committed package-lock.json) with the machine's node. The first use in a build copies the directory
 * to {@code target/interop-node} and installs it with {@code npm ci}; later uses reuse the installation while the
 * lock file is unchanged. Nothing is needed beyond node, npm and the npm registry, so a fresh clone in CI runs it.
 */
public final class InteropNode {

    private static final Path SOURCE = Path.of("src", "test", "node");
    private static final Path INSTALLED = Path.of("target", "interop-node");
    private static final Path MARKER = INSTALLED.resolve("node_modules").resolve(".elicence-lock-sha256");

    private InteropNode() {
    }

    /** Runs {@code node script args...} in the installed directory and returns its standard output. */
    public static synchronized String run(String script, String... args) {
        install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return exec(command, 120);
    }

    private static void install() {
        try {
            Files.createDirectories(INSTALLED);
            try (Stream<Path> files = Files.walk(SOURCE)) {
                for (Path file : files.filter(f -> !f.toString().contains("node_modules")).toList()) {
                    Path target = INSTALLED.resolve(SOURCE.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            String lockHash = sha256(Files.readAllBytes(SOURCE.resolve("package-lock.json")));
            if (Files.exists(MARKER) && Files.readString(MARKER).equals(lockHash)) {
                return;
            }
            // no optional native CBOR accelerator, no install scripts: plain JavaScript only
            exec(List.of("npm", "ci", "--omit=optional", "--ignore-scripts", "--no-audit", "--no-fund"), 600);
            Files.writeString(MARKER, lockHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String exec(List<String> command, int timeoutSeconds) {
        try {
            Path stdout = Files.createTempFile(INSTALLED.toAbsolutePath(), "run", ".out");
            Path stderr = Files.createTempFile(INSTALLED.toAbsolutePath(), "run", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(INSTALLED.toFile())
                        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command + " exited with " + process.exitValue() + ": "
                            + Files.readString(stderr));
                }
                return Files.readString(stdout, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("node and npm must be on the PATH for the interop tests: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
