package org.elicence.licence.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Development key generator behind {@code deploy/dev-keys.sh}: writes an IACA root and a document signer as
 * PEM files. Usage: {@code DevKeyTool <dir> [--rotate-ds]}. With {@code --rotate-ds} the existing IACA in
 * {@code dir} is kept and only a new document signer is made (the old one is renamed with a timestamp),
 * which is the rotation the production PKI does too. Prints file names only, never key material.
 */
public final class DevKeyTool {

    public static final String IACA_CERT = "iaca-cert.pem";
    public static final String IACA_KEY = "iaca-key.pem";
    public static final String DS_CERT = "ds-cert.pem";
    public static final String DS_KEY = "ds-key.pem";

    private final Path directory;
    private final KeyHierarchyGenerator generator;

    public DevKeyTool(Path directory, Clock clock) {
        this.directory = directory;
        this.generator = new KeyHierarchyGenerator(clock);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !"--rotate-ds".equals(args[1]))) {
            System.err.println("usage: DevKeyTool <output-dir> [--rotate-ds]");
            System.exit(2);
        }
        var tool = new DevKeyTool(Path.of(args[0]), Clock.systemUTC());
        if (args.length == 2) {
            tool.rotateDocumentSigner();
        } else {
            tool.createHierarchy();
        }
        System.out.println("wrote " + IACA_CERT + ", " + DS_CERT + ", " + DS_KEY + " in " + args[0]);
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
        writeDocumentSigner(root);
    }

    public void rotateDocumentSigner() throws IOException {
        X509Certificate iaca = Pem.readCertificate(directory.resolve(IACA_CERT));
        var root = new CertifiedKey(iaca, new KeyPair(iaca.getPublicKey(), Pem.readPrivateKey(directory.resolve(IACA_KEY))));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        for (String file : new String[] {DS_CERT, DS_KEY}) {
            Path current = directory.resolve(file);
            if (Files.exists(current)) {
                Files.move(current, directory.resolve(file.replace(".pem", "-" + stamp + ".pem")));
            }
        }
        writeDocumentSigner(root);
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
