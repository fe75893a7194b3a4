package org.elicence.licence.credential;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

/**
 * Runs code with ImageIO's cache directory gone: a stream ImageIO would cache in a temporary file fails to open, so
 * code that still works there made its image in memory (docs/privacy.md: no portrait or QR code touches a disk).
 */
public final class ImageIoCacheGone {

    private ImageIoCacheGone() {
    }

    public static <T> T call(Path temp, byte[] anyImage, Callable<T> code) throws Exception {
        File cache = Files.createDirectory(temp.resolve("imageio-cache")).toFile();
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cache);
        try {
            Files.delete(cache.toPath());
            assertThrows(Exception.class, () -> ImageIO.read(new ByteArrayInputStream(anyImage)),
                    "the default ImageIO stream needs its cache directory");
            return code.call();
        } finally {
            ImageIO.setCacheDirectory(null);
        }
    }
}
