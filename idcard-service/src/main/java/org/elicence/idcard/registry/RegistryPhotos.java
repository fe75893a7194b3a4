package org.elicence.idcard.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.elicence.idcard.config.RegistryConfig;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The registry's photo files. The service refuses to start while a file the registry names is
 * missing: a lookup would otherwise fail for one applicant at a time, long after deployment. No file name goes into
 * a message or the log: a real registry may name its files by resident ID (docs/privacy.md).
 */
@ApplicationScoped
public class RegistryPhotos {

    private static final Logger LOG = Logger.getLogger(RegistryPhotos.class);
    private static final String CLASSPATH_PREFIX = "classpath:";

    private final String location;

    @Inject
    public RegistryPhotos(RegistryConfig config) {
        this.location = config.photoLocation();
    }

    void verifyOnStartup(@Observes StartupEvent startup) {
        List<String> referenced = QuarkusTransaction.requiringNew().call(() -> Citizen.getEntityManager()
                .createQuery("select c.photoFile from Citizen c where c.photoFile is not null", String.class)
                .getResultList());
        List<String> missing = referenced.stream().filter(file -> !exists(file)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the ID registry names " + missing.size() + " photo files missing from "
                    + location + " (set idcard.registry.photo-location or add the files; the registry's citizen table"
                    + " names them)");
        }
        LOG.infof("ID registry: %d photo files present in %s", referenced.size(), location);
    }

    public byte[] read(String file) {
        try (InputStream in = open(file)) {
            if (in == null) {
                throw new IllegalStateException("a registry photo is missing from " + location);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            // the exception's own message names the file's path: only its kind goes on
            throw new UncheckedIOException("cannot read a registry photo from " + location,
                    new IOException(e.getClass().getSimpleName()));
        }
    }

    private boolean exists(String file) {
        try (InputStream in = open(file)) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }

    private InputStream open(String file) throws IOException {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String resource = location.substring(CLASSPATH_PREFIX.length()) + "/" + file;
            return Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        }
        Path path = Path.of(location, file);
        return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
    }
}
