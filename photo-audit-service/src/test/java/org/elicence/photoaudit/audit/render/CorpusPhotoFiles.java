package org.elicence.photoaudit.audit.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The corpus' photo files the renderer's tests render, by name. */
final class CorpusPhotoFiles {

    private CorpusPhotoFiles() {
    }

    /** The corpus photos whose file names end with {@code suffix} ({@code .jpg}: all 132), sorted by name. */
    static List<Path> endingWith(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/corpus/frl-london"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
