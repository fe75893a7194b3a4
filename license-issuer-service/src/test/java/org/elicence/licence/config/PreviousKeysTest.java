package org.elicence.licence.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.licence.credential.CredentialIssuer;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.licence.credential.Fixtures;
import org.elicence.licence.credential.IssuedCredential;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.elicence.licence.credential.keys.DevKeyTool;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.status.LicenceStatusLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IACA root rotation with the old root kept (licence.keys.previous-*): what the old hierarchy signed still
 * verifies until it expires, a signer the old IACA revoked stays refused, and /jwks.json keeps the old signer's key.
 */
class PreviousKeysTest {

    @Test
    void credentialsUnderAPreviousRootStillVerifyAndItsRevocationsStillCount(@TempDir Path old, @TempDir Path current)
            throws Exception {
        new DevKeyTool(old, Fixtures.CLOCK).createHierarchy();
        new DevKeyTool(current, Fixtures.CLOCK).createHierarchy();
        KeyMaterial before = load(old);
        KeyMaterial now = load(current);
        IssuedCredential signedBefore = new CredentialIssuer(before, Fixtures.CLOCK).issue(Fixtures.licence());
        IacaCrl currentCrl = new IacaCrl(current.resolve(DevKeyTool.IACA_CRL), now.iacaCertificate(), Fixtures.CLOCK,
                new InMemoryCrlHighWater());

        var withoutPrevious = new CredentialVerifier(List.of(now.iacaCertificate()), currentCrl,
                LicenceStatusLookup.offline(), Fixtures.CLOCK);
        assertEquals("UNTRUSTED_ISSUER", withoutPrevious.verifyMdoc(signedBefore.mdoc()).reasonCode(),
                "what a rotation without previous keys answered");

        PreviousKeys previous = PreviousKeys.load(keys(List.of(old.resolve(DevKeyTool.IACA_CERT)),
                List.of(old.resolve(DevKeyTool.IACA_CRL)), List.of(old.resolve(DevKeyTool.DS_CERT))),
                now.iacaCertificate(), Fixtures.CLOCK, new InMemoryCrlHighWater());
        JsonNode jwks = new ObjectMapper().readTree(now.jwks(true, previous.publishableSigners(now.iacaCertificate(),
                currentCrl, Fixtures.NOW), previous.roots())).get("keys");
        assertEquals(List.of(now.keyId(), before.keyId()), List.of(jwks.get(0).get("kid").asText(),
                jwks.get(1).get("kid").asText()));
        assertEquals(java.util.Base64.getEncoder().encodeToString(before.iacaCertificate().getEncoded()),
                jwks.get(1).get("x5c").get(1).asText(), "the old signer's chain ends at the old root");
        assertEquals(List.of(), previous.publishableSigners(now.iacaCertificate(), currentCrl,
                before.documentSignerCertificate().getNotAfter().toInstant().plus(Duration.ofSeconds(1))),
                "an expired signer's key is no longer listed");
        var verifier = new CredentialVerifier(previous.trustedRoots(now.iacaCertificate()),
                previous.revocation(currentCrl), LicenceStatusLookup.offline(), Fixtures.CLOCK);
        assertEquals(Outcome.VALID, verifier.verifyMdoc(signedBefore.mdoc()).outcome());
        assertEquals(Outcome.VALID, verifier.verifyJws(signedBefore.jws()).outcome());
        assertEquals(Outcome.VALID, verifier.verifyMdoc(new CredentialIssuer(now, Fixtures.CLOCK)
                .issue(Fixtures.licence()).mdoc()).outcome());

        // the old IACA revokes its signer: its own CRL, read again when the file changes, is what counts; its key
        // leaves the JWKS, for a relying party that finds keys by kid checks no CRL
        new DevKeyTool(old, Fixtures.CLOCK).revokeDocumentSigner(before.documentSignerCertificate());
        assertEquals("CERTIFICATE_REVOKED", verifier.verifyMdoc(signedBefore.mdoc()).reasonCode());
        assertEquals(List.of(), previous.publishableSigners(now.iacaCertificate(), currentCrl, Fixtures.NOW));
    }

    @Test
    void aPreviousRootWithoutItsCrlOrASignerNoRootIssuedStopsTheStart(@TempDir Path old, @TempDir Path current)
            throws Exception {
        new DevKeyTool(old, Fixtures.CLOCK).createHierarchy();
        new DevKeyTool(current, Fixtures.CLOCK).createHierarchy();
        var currentRoot = load(current).iacaCertificate();
        assertThrows(IllegalStateException.class, () -> PreviousKeys.load(keys(
                List.of(old.resolve(DevKeyTool.IACA_CERT)), List.of(), List.of()), currentRoot, Fixtures.CLOCK,
                new InMemoryCrlHighWater()));
        assertThrows(IllegalStateException.class, () -> PreviousKeys.load(keys(List.of(), List.of(),
                List.of(old.resolve(DevKeyTool.DS_CERT))), currentRoot, Fixtures.CLOCK, new InMemoryCrlHighWater()));
    }

    private static KeyMaterial load(Path directory) {
        return KeyMaterial.load(directory.resolve(DevKeyTool.IACA_CERT), directory.resolve(DevKeyTool.DS_CERT),
                directory.resolve(DevKeyTool.DS_KEY));
    }

    private static LicenceConfig.Keys keys(List<Path> roots, List<Path> crls, List<Path> signers) {
        return new LicenceConfig.Keys() {
            @Override
            public Path iacaCert() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Path dsCert() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Path dsKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Path iacaCrl() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<List<Path>> previousIacaCerts() {
                return Optional.of(roots);
            }

            @Override
            public Optional<List<Path>> previousIacaCrls() {
                return Optional.of(crls);
            }

            @Override
            public Optional<List<Path>> previousDsCerts() {
                return Optional.of(signers);
            }

            @Override
            public boolean generateIfMissing() {
                return false;
            }
        };
    }
}
