package org.elicence.licence.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.elicence.licence.credential.keys.CertifiedKey;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.junit.jupiter.api.Test;

/**
 * A document signer stops being usable when its chain does: an IACA root that ends before the signer's own
 * certificate ends its signing too (what it signs would verify CERTIFICATE_EXPIRED), and the health check, the
 * gauges and the signer say so as for an expired signer.
 */
class DocumentSignerStandingTest {

    private static final Instant MADE = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aRootEndingFirstEndsTheSigning() {
        var generator = new KeyHierarchyGenerator(Clock.fixed(MADE, ZoneOffset.UTC));
        CertifiedKey root = generator.newRoot("Test IACA", Period.ofDays(30));
        KeyMaterial keys = KeyMaterial.of(root.certificate(),
                generator.newDocumentSigner(root, "Test DS", Period.ofDays(400)));
        Instant rootEnds = root.certificate().getNotAfter().toInstant();

        assertEquals(rootEnds, standingAt(keys, MADE).expires(), "the root's end, not the signer's 400 days");
        assertFalse(standingAt(keys, rootEnds.minusSeconds(1)).expired());
        assertTrue(standingAt(keys, rootEnds).expired());
    }

    private static DocumentSignerStanding standingAt(KeyMaterial keys, Instant now) {
        return new DocumentSignerStanding(keys, null, Clock.fixed(now, ZoneOffset.UTC)); // no CRL: not asked here
    }
}
