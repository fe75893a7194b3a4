package org.elicence.licence.credential;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.elicence.licence.credential.keys.CertifiedKey;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.credential.status.LicenceStatusLookup;
import org.elicence.licence.credential.status.StatusListReference;

/** Shared test data: a fixed clock, a sample licence with a real JPEG portrait, and key hierarchies. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String LICENCE_NUMBER = "110101199003071234";
    /** A status list entry as the service signs one (a production-length URI and a seven-digit index). */
    public static final StatusListReference STATUS = new StatusListReference(1234567,
            "https://licences.example.invalid/api/v1/licences/status-list");

    private Fixtures() {
    }

    /** The sample licence, current at {@link #NOW}: expires 2032-05-20. */
    public static LicenceData licence() {
        return licence(LocalDate.of(2032, 5, 20));
    }

    /**
     * The sample licence expiring on {@code expiryDate}: tests that sign on the real clock pass a date after today,
     * or they would stop passing once the real date passes a fixed expiry (the issuer refuses an expired licence).
     */
    public static LicenceData licence(LocalDate expiryDate) {
        return new LicenceData(LICENCE_NUMBER, "ZHANG", "WEI", "110101199003074512",
                LocalDate.of(1990, 3, 7),
                List.of(new DrivingPrivilege("C1", LocalDate.of(2012, 5, 20), expiryDate),
                        new DrivingPrivilege("D", LocalDate.of(2018, 9, 1), null)),
                LocalDate.of(2012, 5, 20), LocalDate.of(2026, 2, 27), expiryDate,
                "Beijing Traffic Management Bureau", portrait());
    }

    /** The sample licence for tests that sign on the real clock: it expires five years after today. */
    public static LicenceData licenceCurrentToday() {
        return licence(LocalDate.now(ZoneOffset.UTC).plusYears(5));
    }

    /** A hierarchy created a week before {@link #NOW}: root valid 10 years, DS valid 457 days (Annex B's maximum). */
    public static KeyMaterial keys() {
        return keys(Clock.fixed(NOW.minus(Period.ofDays(7)), ZoneOffset.UTC),
                KeyHierarchyGenerator.DEFAULT_DOCUMENT_SIGNER_VALIDITY);
    }

    public static KeyMaterial keys(Clock createdAt, Period documentSignerValidity) {
        var generator = new KeyHierarchyGenerator(createdAt);
        CertifiedKey root = generator.newRoot("Test IACA", KeyHierarchyGenerator.DEFAULT_ROOT_VALIDITY);
        return KeyMaterial.of(root.certificate(), generator.newDocumentSigner(root, "Test DS", documentSignerValidity));
    }

    static byte[] portrait() {
        BufferedImage image = new BufferedImage(48, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(200, 220, 255));
        graphics.fillRect(0, 0, 48, 64);
        graphics.setColor(new Color(90, 60, 40));
        graphics.fillOval(12, 10, 24, 30);
        graphics.dispose();
        var jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jpeg.toByteArray();
    }

    /** A verifier at {@link #NOW} trusting the given keys' IACA, with the register reporting {@code status}. */
    public static CredentialVerifier verifier(KeyMaterial keys, LicenceStatus status) {
        return new CredentialVerifier(List.of(keys.iacaCertificate()), statusIs(status), CLOCK);
    }

    public static LicenceStatusLookup statusIs(LicenceStatus status) {
        return licenceNumber -> LICENCE_NUMBER.equals(licenceNumber) ? status : LicenceStatus.UNKNOWN;
    }
}
