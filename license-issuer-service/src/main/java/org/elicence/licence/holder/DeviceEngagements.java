package org.elicence.licence.holder;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.elicence.licence.credential.mdoc.DeviceAuthentication;
import org.elicence.licence.credential.cbor.Cbor;

/**
 * ISO 18013-5 §8.2.1.1 device engagement by QR code: what a holder's phone shows an mdoc reader to start an offline
 * presentation. The QR text is {@code "mdoc:"} and the base64url (no padding) DeviceEngagement:
 *
 * <pre>
 * DeviceEngagement = {0: "1.0", 1: Security, 2: DeviceRetrievalMethods}
 * Security         = [1, EDeviceKeyBytes]             ; cipher suite 1, #6.24(bstr .cbor COSE_Key) (ephemeral, P-256)
 * DeviceRetrievalMethods = [[2, 1, {0: false, 1: true, 11: uuid}]]   ; BLE, mdoc central client mode, service UUID
 * </pre>
 *
 * The reader derives the session keys from EDeviceKey and puts these exact bytes (DeviceEngagementBytes) into the
 * SessionTranscript the holder's deviceSignature covers. The BLE transport itself is the phone app's; this class
 * only makes the engagement it advertises.
 */
public final class DeviceEngagements {

    public static final String QR_PREFIX = "mdoc:";
    private static final int CIPHER_SUITE_1 = 1;
    private static final int BLE = 2;
    private static final int BLE_OPTION_PERIPHERAL_SERVER = 0;
    private static final int BLE_OPTION_CENTRAL_CLIENT = 1;
    private static final int BLE_OPTION_CENTRAL_CLIENT_UUID = 11;

    private DeviceEngagements() {
    }

    /** The encoded DeviceEngagement for this ephemeral device key and BLE service UUID. */
    public static byte[] encode(PublicKey eDeviceKey, UUID bleServiceUuid) {
        Map<Object, Object> bleOptions = new LinkedHashMap<>();
        bleOptions.put(BLE_OPTION_PERIPHERAL_SERVER, false);
        bleOptions.put(BLE_OPTION_CENTRAL_CLIENT, true);
        bleOptions.put(BLE_OPTION_CENTRAL_CLIENT_UUID, uuidBytes(bleServiceUuid));
        Map<Object, Object> engagement = new LinkedHashMap<>();
        engagement.put(0, "1.0");
        engagement.put(1, List.of(CIPHER_SUITE_1, Cbor.embed(DeviceAuthentication.coseKey(eDeviceKey))));
        engagement.put(2, List.of(List.of(BLE, 1, bleOptions)));
        return Cbor.encode(engagement);
    }

    /** The QR code's text: {@code mdoc:} + base64url of the DeviceEngagement. */
    public static String qrText(byte[] deviceEngagement) {
        return QR_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(deviceEngagement);
    }

    /** The DeviceEngagement bytes of a scanned {@code mdoc:} text. */
    public static byte[] fromQrText(String text) {
        if (text == null || !text.startsWith(QR_PREFIX)) {
            throw new IllegalArgumentException("a device engagement QR starts with " + QR_PREFIX);
        }
        return Base64.getUrlDecoder().decode(text.substring(QR_PREFIX.length()));
    }

    private static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }
}
