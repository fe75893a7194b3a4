package org.elicence.infra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs an operator's record as the runbook's kcat blocks do (openssl with the key of the operator's client
 * certificate): headers {@code operator-certificate} and {@code operator-signature} over {@code <topic>\n<value>}
 * (platform-messaging's OperatorSignature checks them). For tests and the automated reviewer.
 */
public final class OperatorSigner {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private final PrivateKey key;
    private final X509Certificate certificate;

    private OperatorSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** The signer of {@code principal} on the broker at {@code bootstrapServers} (its {@code <principal>.pem}). */
    public static OperatorSigner of(String bootstrapServers, String principal) {
        return read(KafkaCredentials.dirOf(bootstrapServers).resolve(principal + ".pem"));
    }

    static OperatorSigner read(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.UTF_8);
            PrivateKey key = null;
            X509Certificate certificate = null;
            Matcher block = PEM.matcher(text);
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(2));
                if (block.group(1).equals("PRIVATE KEY")) {
                    key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
                } else if (block.group(1).equals("CERTIFICATE")) {
                    certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der));
                }
            }
            if (key == null || certificate == null) {
                throw new IllegalStateException(pem + " holds no key and certificate");
            }
            return new OperatorSigner(key, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + pem, e);
        }
    }

    /** The two headers that make {@code value} on {@code topic} this operator's. */
    public Map<String, String> headers(String topic, String value) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update((topic + "\n" + value).getBytes(StandardCharsets.UTF_8));
            return Map.of("operator-certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()),
                    "operator-signature", Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
