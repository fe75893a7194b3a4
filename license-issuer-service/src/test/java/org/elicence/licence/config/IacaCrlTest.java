package org.elicence.licence.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.elicence.licence.credential.keys.DevKeyTool;
import org.elicence.licence.credential.keys.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRL the service reads while running moves forward only: a later CRL the IACA signed replaces the one in use,
 * an earlier one (a Secret restored to an old version) is refused, so a revoked document signer stays revoked.
 */
class IacaCrlTest {

    @Test
    void anEarlierCrlMountedAgainDoesNotWithdrawARevocation(@TempDir Path keys) throws Exception {
        Clock yesterday = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1));
        new DevKeyTool(keys, yesterday).createHierarchy();
        Path file = keys.resolve(DevKeyTool.IACA_CRL);
        byte[] beforeTheRevocation = Files.readAllBytes(file);
        X509Certificate signer = Pem.readCertificate(keys.resolve(DevKeyTool.DS_CERT));
        new DevKeyTool(keys, Clock.systemUTC()).revokeDocumentSigner(signer);
        byte[] withTheRevocation = Files.readAllBytes(file);
        IacaCrl crl = new IacaCrl(file, Pem.readCertificate(keys.resolve(DevKeyTool.IACA_CERT)), Clock.systemUTC(),
                new InMemoryCrlHighWater());
        assertTrue(crl.revokes(signer));

        Files.write(file, beforeTheRevocation);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertTrue(crl.revokes(signer), "the earlier CRL, without the revocation, is refused");

        Instant nextUpdateInUse = crl.nextUpdate();
        Files.write(file, withTheRevocation); // the IACA re-signs its latest CRL (DevKeyTool reads it from the file)
        new DevKeyTool(keys, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1))).renewCrl();
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(20)));
        assertTrue(crl.nextUpdate().isAfter(nextUpdateInUse), "a later CRL is taken");
        assertTrue(crl.revokes(signer), "and it keeps the revocation");
        assertFalse(crl.isStale());
    }

    /**
     * CRLs are ordered by their numbers, which the IACA increases: a later CRL signed by a clock set behind (its
     * thisUpdate before the one in use) is still the later one, and carries the revocation it adds.
     */
    @Test
    void aLaterCrlSignedByAClockSetBehindIsTaken(@TempDir Path keys) throws Exception {
        new DevKeyTool(keys, Clock.systemUTC()).createHierarchy();
        Path file = keys.resolve(DevKeyTool.IACA_CRL);
        IacaCrl crl = new IacaCrl(file, Pem.readCertificate(keys.resolve(DevKeyTool.IACA_CERT)), Clock.systemUTC(),
                new InMemoryCrlHighWater());
        X509Certificate signer = Pem.readCertificate(keys.resolve(DevKeyTool.DS_CERT));
        assertFalse(crl.revokes(signer));

        new DevKeyTool(keys, Clock.offset(Clock.systemUTC(), Duration.ofHours(-2))).revokeDocumentSigner(signer);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertTrue(crl.revokes(signer), "CRL number 2, though signed two hours before number 1 by its clock");
    }
}
