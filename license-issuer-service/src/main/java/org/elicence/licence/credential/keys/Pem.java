package org.elicence.licence.credential.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM reading and writing for certificates and unencrypted private keys (PKCS#8 or SEC1 "EC PRIVATE KEY"). */
public final class Pem {

    private Pem() {
    }

    /** All certificates in a PEM text, in order; e.g. the published IACA certificate a verifier trusts. */
    public static List<X509Certificate> certificates(String pemText) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pemText))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate in PEM text");
        }
        return certificates;
    }

    public static X509Certificate readCertificate(Path file) {
        return certificates(readText(file)).get(0);
    }

    /** A certificate revocation list from PEM ("X509 CRL") or DER bytes. */
    public static X509CRL crl(byte[] pemOrDer) {
        byte[] der = pemOrDer;
        String text = new String(pemOrDer, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN X509 CRL-----")) {
            try (PEMParser parser = new PEMParser(new StringReader(text))) {
                Object item = parser.readObject();
                if (!(item instanceof X509CRLHolder holder)) {
                    throw new IllegalArgumentException("no CRL in PEM text");
                }
                der = holder.getEncoded();
            } catch (IOException e) {
                throw new IllegalArgumentException("not a PEM CRL", e);
            }
        }
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | CRLException e) {
            throw new IllegalArgumentException("not an X.509 CRL", e);
        }
    }

    public static X509CRL readCrl(Path file) {
        try {
            return crl(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object item = parser.readObject();
            var converter = new JcaPEMKeyConverter();
            if (item instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (item instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
        } catch (IOException e) {
            // Deliberately not chaining the parser's message: it can quote file content.
            throw new IllegalArgumentException("cannot read private key file " + file.getFileName());
        }
        throw new IllegalArgumentException("no unencrypted private key in " + file.getFileName());
    }

    /** PEM text of a certificate, private key or other object Bouncy Castle knows how to write. */
    public static String write(Object object) {
        var text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String readText(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            var text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
