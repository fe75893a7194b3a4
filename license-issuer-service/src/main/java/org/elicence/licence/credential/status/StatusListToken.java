package org.elicence.licence.credential.status;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.jws.JwsCompact;
import org.elicence.licence.credential.keys.Es256;
import org.elicence.licence.credential.keys.CertificateRevocation;
import org.elicence.licence.credential.keys.IssuerTrust;
import org.elicence.licence.credential.keys.KeyMaterial;

/**
 * The Status List Token in JWT format (draft-ietf-oauth-status-list, "Status List Token"): header {@code typ}
 * {@code statuslist+jwt}, claims {@code sub} (the list's URI, equal to the {@code uri} in each credential's
 * {@code status} claim), {@code iat}, {@code exp}, {@code ttl} and {@code status_list: {bits, lst}}. Signed ES256 by
 * the document signer with its certificate in {@code x5c}, like the credentials, so a verifier that trusts the
 * IACA root can trust the list, also when it was fetched earlier and carried offline.
 *
 * <p>No {@code iss}: the credentials' {@code iss} is the issuing authority of each licence (a city's bureau), which
 * varies across one list; recent drafts no longer require the two to match.
 */
public final class StatusListToken {

    public static final String TYPE = "statuslist+jwt";
    /** The media type of the response (draft: "Status List Response"). */
    public static final String MEDIA_TYPE = "application/statuslist+jwt";

    private StatusListToken() {
    }

    /**
     * @param validity how long verifiers may rely on this token ({@code exp}); capped at the signing chain's expiry
     * @param ttl      how long they may cache it before fetching a fresh one ({@code ttl})
     */
    public static String sign(StatusList list, String uri, Instant now, Duration validity, Duration ttl,
            KeyMaterial keys) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant signerExpiry = keys.signingChainExpiry();
        Instant expiry = issuedAt.plus(validity).isBefore(signerExpiry) ? issuedAt.plus(validity) : signerExpiry;
        Map<String, Object> statusList = new LinkedHashMap<>();
        statusList.put("bits", list.bits());
        statusList.put("lst", list.lst());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", uri);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiry.getEpochSecond());
        claims.put("ttl", ttl.toSeconds());
        claims.put("status_list", statusList);
        return JwsCompact.sign(TYPE, claims, keys);
    }

    /**
     * Checks a fetched token as a relying party must before reading any status from it: {@code typ}, ES256, the
     * signer certificate chains to a trusted IACA root and is not in that IACA's CRL (a list signed with a revoked
     * document signer's key could mark any licence valid), the signature, {@code sub} is the list the credential
     * names, and {@code exp} has not passed.
     *
     * @param revocation the IACA CRLs the verifier holds ({@link CertificateRevocation#none()} if it has none)
     * @throws IllegalArgumentException saying which check failed
     */
    public static StatusList verify(String token, String expectedUri, List<X509Certificate> trustedRoots,
            CertificateRevocation revocation, Instant now) {
        try {
            JwsCompact parsed = JwsCompact.parse(token);
            if (!TYPE.equals(parsed.header().get("typ"))) {
                throw new IllegalArgumentException("not a status list token (typ " + parsed.header().get("typ") + ")");
            }
            if (!Es256.JWS_NAME.equals(parsed.header().get("alg")) || parsed.header().containsKey("crit")) {
                throw new IllegalArgumentException("status list token must be ES256 without critical extensions");
            }
            X509Certificate signer = new IssuerTrust(trustedRoots, revocation).check(parsed.signerCertificateDer(), now);
            if (!parsed.signedBy(signer.getPublicKey())) {
                throw new IllegalArgumentException("status list token signature does not verify");
            }
            Map<String, Object> claims = parsed.claims();
            if (!expectedUri.equals(claims.get("sub"))) {
                throw new IllegalArgumentException("status list token is for " + claims.get("sub") + ", not " + expectedUri);
            }
            if (claims.get("exp") instanceof Number exp && !now.isBefore(Instant.ofEpochSecond(exp.longValue()))) {
                throw new IllegalArgumentException("status list token expired");
            }
            if (claims.get("status_list") instanceof Map<?, ?> statusList && statusList.get("bits") instanceof Number bits
                    && statusList.get("lst") instanceof String lst) {
                return StatusList.decode(bits.intValue(), lst);
            }
            throw new IllegalArgumentException("status list token lacks status_list {bits, lst}");
        } catch (CredentialRejectedException e) {
            throw new IllegalArgumentException("status list token rejected: " + e.getMessage(), e);
        }
    }
}
