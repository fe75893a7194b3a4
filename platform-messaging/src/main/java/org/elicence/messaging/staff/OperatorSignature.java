package org.elicence.messaging.staff;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.elicence.messaging.CloudEventHeaders;

/**
 * Who sent an operator's record, checked by the consumer. Kafka authenticates the producer but does not tell
 * consumers who it was, so operators sign what they send with the private key of the same client certificate
 * the broker authenticated them with (mutual TLS, {@code CN=<principal>}): header {@value #CERTIFICATE} is that
 * certificate (base64 DER), header {@value #SIGNATURE} the signature (base64 DER, SHA-256 with the key's
 * algorithm, as {@code openssl dgst -sha256 -sign} makes it) over {@code <topic>\n<value>}. The consumer
 * accepts the record as the principal's only if the certificate was issued by the Kafka clients CA it trusts,
 * is valid now, and the signature verifies; the principal is the certificate's CN, never a field of the JSON.
 */
public final class OperatorSignature {

    public static final String CERTIFICATE = "operator-certificate";
    public static final String SIGNATURE = "operator-signature";

    /** The principal that signed, or why the record cannot be taken as any principal's. */
    public record Verified(Optional<String> principal, String failure) {
        static Verified of(String principal) {
            return new Verified(Optional.of(principal), null);
        }

        static Verified refused(String failure) {
            return new Verified(Optional.empty(), failure);
        }
    }

    private OperatorSignature() {
    }

    /** The bytes an operator signs: the topic, a newline, the record's value. */
    public static byte[] signedBytes(String topic, String value) {
        return (topic + "\n" + (value == null ? "" : value)).getBytes(StandardCharsets.UTF_8);
    }

    public static Verified verify(ConsumerRecord<String, String> record, Optional<X509Certificate> trustedCa,
            Instant now) {
        if (trustedCa.isEmpty()) {
            return Verified.refused("this service trusts no operators' CA (messaging.operators.trust is not set)");
        }
        String certificate = header(record, CERTIFICATE);
        String signature = header(record, SIGNATURE);
        if (certificate == null || signature == null) {
            return Verified.refused("the record is not signed (headers " + CERTIFICATE + " and " + SIGNATURE
                    + "; docs/operator-runbook.md)");
        }
        X509Certificate operator;
        try {
            operator = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
            operator.verify(trustedCa.get().getPublicKey());
            operator.checkValidity(Date.from(now));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Verified.refused("the signing certificate is not one of the operators' CA or not valid now ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            Signature verifier = Signature.getInstance(
                    "RSA".equals(operator.getPublicKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA");
            verifier.initVerify(operator.getPublicKey());
            verifier.update(signedBytes(record.topic(), record.value()));
            if (!verifier.verify(Base64.getDecoder().decode(signature))) {
                return Verified.refused("the signature does not match the record (changed, or signed for another topic)");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Verified.refused("the signature cannot be checked (" + e.getClass().getSimpleName() + ")");
        }
        return commonName(operator).map(Verified::of)
                .orElseGet(() -> Verified.refused("the signing certificate names no CN"));
    }

    static Optional<String> commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A header without a value is absent: refused as unsigned, not a NullPointerException retried to a dead letter. */
    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.lastValue(record.headers(), name).map(String::strip).orElse(null);
    }
}
