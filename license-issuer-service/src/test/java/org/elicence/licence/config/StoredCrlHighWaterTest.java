package org.elicence.licence.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.licence.credential.keys.DevKeyTool;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The CRL never goes back, also across a restart or on a second replica: what one {@link IacaCrl} took is recorded in
 * PostgreSQL, and the next one, started with a Secret restored to an earlier CRL, serves the recorded CRL. Each test
 * has an IACA of its own, so its record is its own.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class StoredCrlHighWaterTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @Inject
    CrlHighWater highWater;

    @Test
    void aRestartWithAnEarlierCrlMountedServesTheRecordedOne(@TempDir Path keys) throws Exception {
        new DevKeyTool(keys, Clock.offset(CLOCK, Duration.ofDays(-1))).createHierarchy();
        Path file = keys.resolve(DevKeyTool.IACA_CRL);
        byte[] beforeTheRevocation = Files.readAllBytes(file);
        X509Certificate iaca = Pem.readCertificate(keys.resolve(DevKeyTool.IACA_CERT));
        X509Certificate signer = Pem.readCertificate(keys.resolve(DevKeyTool.DS_CERT));
        new DevKeyTool(keys, CLOCK).revokeDocumentSigner(signer);
        IacaCrl running = new IacaCrl(file, iaca, CLOCK, highWater);
        assertTrue(running.revokes(signer));

        Files.write(file, beforeTheRevocation); // the Secret restored to its version before the revocation
        IacaCrl restarted = new IacaCrl(file, iaca, CLOCK, highWater);

        assertTrue(restarted.revokes(signer), "the recorded CRL, with the revocation, is served");
        assertArrayEquals(running.der(), restarted.der());
    }

    @Test
    void aLaterCrlTakenWhileRunningIsWhatTheNextStartServes(@TempDir Path keys) throws Exception {
        new DevKeyTool(keys, CLOCK).createHierarchy();
        Path file = keys.resolve(DevKeyTool.IACA_CRL);
        byte[] first = Files.readAllBytes(file);
        X509Certificate iaca = Pem.readCertificate(keys.resolve(DevKeyTool.IACA_CERT));
        X509Certificate signer = Pem.readCertificate(keys.resolve(DevKeyTool.DS_CERT));
        IacaCrl running = new IacaCrl(file, iaca, CLOCK, highWater);
        assertFalse(running.revokes(signer));

        new DevKeyTool(keys, CLOCK).revokeDocumentSigner(signer);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertTrue(running.revokes(signer), "re-read while running, and recorded");

        Files.write(file, first);
        assertTrue(new IacaCrl(file, iaca, CLOCK, highWater).revokes(signer), "a second replica, or a restart");
    }

    /**
     * Replicas see a Secret change at different times: one that takes the older CRL of a Secret restored meanwhile,
     * after another took and recorded the newer, serves the newer too.
     */
    @Test
    void aReplicaThatReadsAnEarlierCrlThanAnotherRecordedServesTheRecordedOne(@TempDir Path keys,
            @TempDir Path mounts) throws Exception {
        new DevKeyTool(keys, CLOCK).createHierarchy();
        Path signed = keys.resolve(DevKeyTool.IACA_CRL);
        byte[] first = Files.readAllBytes(signed);
        X509Certificate iaca = Pem.readCertificate(keys.resolve(DevKeyTool.IACA_CERT));
        X509Certificate signer = Pem.readCertificate(keys.resolve(DevKeyTool.DS_CERT));
        Path mountA = Files.write(mounts.resolve("a.pem"), first);
        Path mountB = Files.write(mounts.resolve("b.pem"), first);
        IacaCrl replicaA = new IacaCrl(mountA, iaca, CLOCK, highWater);
        IacaCrl replicaB = new IacaCrl(mountB, iaca, CLOCK, highWater);

        new DevKeyTool(keys, CLOCK).revokeDocumentSigner(signer);
        Files.write(mountA, Files.readAllBytes(signed));
        Files.setLastModifiedTime(mountA, FileTime.from(Instant.now().plusSeconds(10)));
        assertTrue(replicaA.revokes(signer));
        Files.write(mountB, first); // B's node syncs only after the Secret was restored to the first CRL
        Files.setLastModifiedTime(mountB, FileTime.from(Instant.now().plusSeconds(20)));

        assertTrue(replicaB.revokes(signer), "the CRL replica A recorded");
    }

    /** A row that holds no CRL the IACA signed (changed by hand) is replaced, not trusted for its number. */
    @Test
    void aRecordTheIacaDidNotSignIsReplaced(@TempDir Path keys, @TempDir Path other) throws Exception {
        new DevKeyTool(keys, CLOCK).createHierarchy();
        new DevKeyTool(other, CLOCK).createHierarchy();
        X509Certificate iaca = Pem.readCertificate(keys.resolve(DevKeyTool.IACA_CERT));
        byte[] real = Pem.crl(Files.readAllBytes(keys.resolve(DevKeyTool.IACA_CRL))).getEncoded();
        for (int i = 0; i < 3; i++) {
            new DevKeyTool(other, CLOCK).renewCrl(); // another IACA's CRL, numbered above the real one
        }
        highWater.raise(iaca, Pem.crl(Files.readAllBytes(other.resolve(DevKeyTool.IACA_CRL))).getEncoded());

        highWater.raise(iaca, real);

        assertArrayEquals(real, highWater.latest(iaca).orElseThrow());
    }

    /** Two replicas that each read a CRL: the record keeps the later, whichever of them records last. */
    @Test
    void theRecordKeepsTheLaterOfTwoCrls(@TempDir Path keys) throws Exception {
        new DevKeyTool(keys, CLOCK).createHierarchy();
        Path file = keys.resolve(DevKeyTool.IACA_CRL);
        X509Certificate iaca = Pem.readCertificate(keys.resolve(DevKeyTool.IACA_CERT));
        byte[] first = Files.readAllBytes(file);
        new DevKeyTool(keys, CLOCK).renewCrl();
        byte[] second = Files.readAllBytes(file);

        highWater.raise(iaca, Pem.crl(second).getEncoded());
        highWater.raise(iaca, Pem.crl(first).getEncoded());

        byte[] recorded = highWater.latest(iaca).orElseThrow();
        assertEquals(KeyHierarchyGenerator.crlNumber(Pem.crl(second)), KeyHierarchyGenerator.crlNumber(Pem.crl(recorded)));
        assertTrue(KeyHierarchyGenerator.crlNumber(Pem.crl(recorded)).orElseThrow().compareTo(BigInteger.ONE) > 0);
    }
}
