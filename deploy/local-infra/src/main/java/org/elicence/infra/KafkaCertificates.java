package org.elicence.infra;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * The local broker's own certificate authority, for its mutual-TLS listener: a CA (kept in the credentials
 * folder, so restarts keep trusting the same certificates), the broker's server certificate for
 * {@code localhost}, and one client certificate per principal with {@code CN=<principal>}, which the broker
 * maps to {@code User:<principal>}, the same principal its SCRAM credential logs in as. Every key is an EC P-256
 * key in an unencrypted PKCS#8 PEM file readable only by its owner.
 */
final class KafkaCertificates {

    static final String CA_CERT = "ca.pem";
    private static final String CA_KEY = "ca.key.pem";
    private static final Duration VALIDITY = Duration.ofDays(825);

    private final Path dir;
    private final PrivateKey caKey;
    private final X509Certificate caCert;

    private KafkaCertificates(Path dir, PrivateKey caKey, X509Certificate caCert) {
        this.dir = dir;
        this.caKey = caKey;
        this.caCert = caCert;
    }

    /** The CA of {@code dir}, created the first time. */
    static KafkaCertificates in(Path dir) {
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve(CA_KEY)) && Files.exists(dir.resolve(CA_CERT))) {
                return new KafkaCertificates(dir, readKey(dir.resolve(CA_KEY)), readCert(dir.resolve(CA_CERT)));
            }
            KeyPair ca = newKeyPair();
            X500Name name = new X500Name("CN=elicence local Kafka CA");
            JcaX509v3CertificateBuilder builder = builder(name, name, ca);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate cert = sign(builder, ca.getPrivate());
            writeSecret(dir.resolve(CA_KEY), pem(new JcaPKCS8Generator(ca.getPrivate(), null)));
            Files.writeString(dir.resolve(CA_CERT), pem(cert), StandardCharsets.UTF_8);
            return new KafkaCertificates(dir, ca.getPrivate(), cert);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the local Kafka CA in " + dir, e);
        }
    }

    Path caCertificate() {
        return dir.resolve(CA_CERT);
    }

    /** {@code <name>.pem}: the key and the certificate for {@code CN=<name>} (with SAN localhost if a server). */
    Path keyAndCertificate(String name, boolean server) {
        Path file = dir.resolve(name + ".pem");
        if (Files.exists(file)) {
            return file;
        }
        try {
            KeyPair pair = newKeyPair();
            JcaX509v3CertificateBuilder builder = builder(X500Name.getInstance(
                    caCert.getSubjectX500Principal().getEncoded()), new X500Name("CN=" + name), pair);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (server) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            X509Certificate cert = sign(builder, caKey);
            writeSecret(file, pem(new JcaPKCS8Generator(pair.getPrivate(), null)) + pem(cert));
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue the Kafka certificate of " + name, e);
        }
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair pair) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static X509Certificate readCert(Path file) throws Exception {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file))) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        }
    }
}
