package org.elicence.licence.holder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.UUID;
import org.elicence.licence.credential.mdoc.DeviceAuthentication;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.interop.QrDecoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The holder CLI's ISO 18013-5 device-engagement QR: both independent decoders (ZXing, jsQR) read it at 300 px, its
 * text is {@code mdoc:} + base64url DeviceEngagement, and a CBOR decoder this project did not write (Jackson's)
 * finds the structure an mdoc reader needs: version, cipher suite 1 with the ephemeral P-256 key, BLE retrieval.
 */
class DeviceEngagementQrTest {

    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    @Test
    void theCliWritesADeviceEngagementQrThatTwoDecodersReadAt300Px(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("engagement.png");
        String printed = runCli("engage", png.toString()).strip();

        BufferedImage image = QrDecoders.png(Files.readAllBytes(png));
        assertEquals(300, image.getWidth());
        assertEquals(printed, QrDecoders.zxing(image));
        assertEquals(printed, QrDecoders.jsQr(image));
        assertTrue(printed.matches("mdoc:[A-Za-z0-9_-]+"), printed);

        JsonNode engagement = CBOR.readTree(DeviceEngagements.fromQrText(printed));
        assertEquals("1.0", engagement.get("0").asText());
        assertEquals(1, engagement.get("1").get(0).asInt(), "cipher suite 1");
        JsonNode ble = engagement.get("2").get(0);
        assertEquals(2, ble.get(0).asInt(), "BLE");
        assertTrue(ble.get(2).get("1").asBoolean(), "mdoc central client mode");
        assertEquals(16, ble.get(2).get("11").binaryValue().length, "service UUID");
    }

    @Test
    void theEngagementCarriesTheEphemeralKeyAsTaggedCoseKey() {
        KeyPair eDevice = KeyHierarchyGenerator.newP256KeyPair();
        byte[] engagement = DeviceEngagements.encode(eDevice.getPublic(), UUID.randomUUID());

        var security = (java.util.List<?>) ((java.util.Map<?, ?>) Cbor.decode(engagement)).get("1");
        var eDeviceKeyBytes = (org.elicence.licence.credential.cbor.CborTagged) security.get(1);
        assertEquals(24, eDeviceKeyBytes.tag(), "EDeviceKeyBytes = #6.24(bstr .cbor COSE_Key)");
        assertArrayEquals(Cbor.encode(DeviceAuthentication.coseKey(eDevice.getPublic())), (byte[]) eDeviceKeyBytes.value());
        assertArrayEquals(engagement, DeviceEngagements.fromQrText(DeviceEngagements.qrText(engagement)));
        assertFalse(DeviceEngagements.qrText(engagement).contains("="), "base64url without padding");
    }

    private static String runCli(String... args) throws Exception {
        PrintStream original = System.out;
        var out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            HolderCli.main(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
