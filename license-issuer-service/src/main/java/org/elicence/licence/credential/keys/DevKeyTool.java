package org.elicence.licence.credential.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Development key generator behind {@code deploy/dev-keys.sh}: writes an IACA root and a document signer as
 * PEM files. Usage: {@code DevKeyTool <dir> [--rotate-ds]}. With {@code --rotate-ds} the existing IACA in
 * {@code dir} is kept and only a new document signer is made (the old one is renamed with a timestamp),
 * which is the rotation the production PKI does too. {@code --revoke-ds <cert>} adds a document signer to the
 * IACA's CRL, {@code --crl} re-signs the CRL before its nextUpdate. Prints file names only, never key material.
 */
public final class DevKeyTool {

    public static final String IACA_CERT = "iaca-cert.pem";
    public static final String IACA_KEY = "iaca-key.pem";
    public static final String DS_CERT = "ds-cert.pem";
    public static final String DS_KEY = "ds-key.pem";
    /** The IACA's CRL (PEM "X509 CRL"), which the service serves as DER at its CRL distribution point. */
    public static final String IACA_CRL = "iaca-crl.pem";

    private final Path directory;
    private final KeyHierarchyGenerator generator;

    public DevKeyTool(Path directory, Clock clock) {
        this.directory = directory;
        this.generator = new KeyHierarchyGenerator(clock);
    }

    public static void main(String[] args) throws IOException {
        boolean rotate = args.length == 2 && "--rotate-ds".equals(args[1]);
        boolean revoke = args.length == 3 && "--revoke-ds".equals(args[1]);
        boolean crl = args.length == 2 && "--crl".equals(args[1]);
        if (args.length < 1 || (args.length > 1 && !rotate && !revoke && !crl)) {
            System.err.println("usage: DevKeyTool <output-dir> [--rotate-ds | --revoke-ds <ds-cert.pem> | --crl]");
            System.exit(2);
        }
        var tool = new DevKeyTool(Path.of(args[0]), Clock.systemUTC());
        if (rotate) {
            tool.rotateDocumentSigner();
        } else if (revoke) {
            tool.revokeDocumentSigner(Pem.readCertificate(Path.of(args[2])));
        } else if (crl) {
            tool.renewCrl();
        } else {
            tool.createHierarchy();
        }
        System.out.println("wrote " + IACA_CERT + ", " + DS_CERT + ", " + DS_KEY + ", " + IACA_CRL + " in " + args[0]);
    }

    /** New IACA root and document signer; refuses to overwrite an existing IACA, which verifiers may trust. */
    public void createHierarchy() throws IOException {
        if (Files.exists(directory.resolve(IACA_KEY))) {
            throw new IllegalStateException(directory.resolve(IACA_KEY)
                    + " exists; use --rotate-ds for a new document signer, or delete the directory first");
        }
        Files.createDirectories(directory);
        CertifiedKey root = generator.newRoot("eLicence Dev IACA", KeyHierarchyGenerator.DEFAULT_ROOT_VALIDITY);
        writePublic(IACA_CERT, Pem.write(root.certificate()));
        writePrivate(IACA_KEY, root.keyPair());
        writeCrl(root, List.of(), 1);
        writeDocumentSigner(root);
    }

    /** Re-signs the IACA's CRL with the same entries and a fresh nextUpdate (the IACA must do this before then). */
    public void renewCrl() throws IOException {
        CertifiedKey root = root();
        X509CRL current = Files.exists(directory.resolve(IACA_CRL)) ? Pem.readCrl(directory.resolve(IACA_CRL)) : null;
        writeCrl(root, revokedIn(current), crlNumber(current) + 1);
    }

    /** Adds a document signer certificate to the IACA's CRL (a compromised DS key); keeps earlier entries. */
    public void revokeDocumentSigner(X509Certificate documentSigner) throws IOException {
        CertifiedKey root = root();
        X509CRL current = Files.exists(directory.resolve(IACA_CRL)) ? Pem.readCrl(directory.resolve(IACA_CRL)) : null;
        List<BigInteger> revoked = new ArrayList<>(revokedIn(current));
        revoked.add(documentSigner.getSerialNumber());
        writeCrl(root, revoked, crlNumber(current) + 1);
    }

    public void rotateDocumentSigner() throws IOException {
        CertifiedKey root = root();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        for (String file : new String[] {DS_CERT, DS_KEY}) {
            Path current = directory.resolve(file);
            if (Files.exists(current)) {
                Files.move(current, directory.resolve(file.replace(".pem", "-" + stamp + ".pem")));
            }
        }
        writeDocumentSigner(root);
    }

    private CertifiedKey root() {
        X509Certificate iaca = Pem.readCertificate(directory.resolve(IACA_CERT));
        return new CertifiedKey(iaca, new KeyPair(iaca.getPublicKey(), Pem.readPrivateKey(directory.resolve(IACA_KEY))));
    }

    private void writeCrl(CertifiedKey root, List<BigInteger> revoked, long number) throws IOException {
        X509CRL crl = generator.newCrl(root, revoked, number, KeyHierarchyGenerator.DEFAULT_CRL_VALIDITY);
        Path temporary = directory.resolve(IACA_CRL + ".tmp");
        Files.writeString(temporary, Pem.write(crl), StandardCharsets.US_ASCII);
        Files.move(temporary, directory.resolve(IACA_CRL), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<BigInteger> revokedIn(X509CRL crl) {
        if (crl == null || crl.getRevokedCertificates() == null) {
            return List.of();
        }
        return crl.getRevokedCertificates().stream().map(X509CRLEntry::getSerialNumber).toList();
    }

    private static long crlNumber(X509CRL crl) {
        if (crl == null) {
            return 0;
        }
        return KeyHierarchyGenerator.crlNumber(crl).map(BigInteger::longValueExact).orElse(0L);
    }

    private void writeDocumentSigner(CertifiedKey root) throws IOException {
        CertifiedKey signer = generator.newDocumentSigner(root, "eLicence Dev Document Signer",
                KeyHierarchyGenerator.DEFAULT_DOCUMENT_SIGNER_VALIDITY);
        writePublic(DS_CERT, Pem.write(signer.certificate()));
        writePrivate(DS_KEY, signer.keyPair());
    }

    private void writePublic(String name, String pem) throws IOException {
        Files.writeString(directory.resolve(name), pem, StandardCharsets.US_ASCII);
    }

    // Private keys are created owner-only before any byte is written, so they are never world-readable.
    private void writePrivate(String name, KeyPair keyPair) throws IOException {
        Path file = directory.resolve(name);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        // PKCS#8 ("BEGIN PRIVATE KEY"), the form openssl and most key stores read without options.
        Files.writeString(file, Pem.write(new JcaPKCS8Generator(keyPair.getPrivate(), null)), StandardCharsets.US_ASCII);
    }
}
