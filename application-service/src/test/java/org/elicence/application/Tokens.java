package org.elicence.application;

import java.security.KeyPairGenerator;
import java.time.Instant;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens as the identity provider would mint them, and the wrong kinds of token. */
final class Tokens {

    static final String ISSUER = "https://auth.elicence.example";
    static final String AUDIENCE = "elicence-mobile";

    private Tokens() {
    }

    static String forApplicant(String residentId) {
        return Jwt.subject(residentId).issuer(ISSUER).audience(AUDIENCE).expiresIn(600).sign();
    }

    /** An operator's token, for /internal: audience elicence-operators, role operator (claim groups). */
    static String forOperator(String operatorId) {
        return Jwt.subject(operatorId).issuer(ISSUER).audience("elicence-operators")
                .groups(java.util.Set.of("operator")).expiresIn(600).sign();
    }

    static String expired(String residentId) {
        Instant past = Instant.now().minusSeconds(7200);
        return Jwt.subject(residentId).issuer(ISSUER).audience(AUDIENCE).issuedAt(past)
                .expiresAt(past.plusSeconds(600)).sign();
    }

    static String wrongAudience(String residentId) {
        return Jwt.subject(residentId).issuer(ISSUER).audience("someone-else").expiresIn(600).sign();
    }

    static String forgedWithAnotherKey(String residentId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Jwt.subject(residentId).issuer(ISSUER).audience(AUDIENCE).expiresIn(600)
                .sign(generator.generateKeyPair().getPrivate());
    }
}
