package org.elicence.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh RSA key pair per test run: the service verifies tokens with the public half, tests sign with the private
 * (smallrye-jwt reads both locations). Shared by every service whose tests need tokens.
 */
public class JwtKeysTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("elicence-jwt-");
            Path publicKey = write(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
            Path privateKey = write(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
            return Map.of("mp.jwt.verify.publickey.location", publicKey.toString(),
                    "smallrye.jwt.sign.key.location", privateKey.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        return Files.writeString(file, pem);
    }

    @Override
    public void stop() {
    }
}
