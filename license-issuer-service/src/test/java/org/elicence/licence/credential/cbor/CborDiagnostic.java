package org.elicence.licence.credential.cbor;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** RFC 8949 §8 diagnostic notation for documentation examples; long byte strings are elided. */
public final class CborDiagnostic {

    private static final int SHOWN_BYTES = 8;

    private CborDiagnostic() {
    }

    /** Renders the tree; tag-24 byte strings are decoded and shown as {@code 24(<< ... >>)}. */
    public static String render(Object value, String indent) {
        if (value instanceof CborTagged tagged && tagged.tag() == CborTagged.ENCODED_CBOR) {
            return "24(<< " + render(Cbor.decodeEmbedded(tagged), indent) + " >>)";
        }
        if (value instanceof CborTagged tagged) {
            return tagged.tag() + "(" + render(tagged.value(), indent) + ")";
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof byte[] bytes) {
            String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, SHOWN_BYTES));
            return bytes.length <= SHOWN_BYTES ? "h'" + hex + "'" : "h'" + hex + "…' / " + bytes.length + " bytes /";
        }
        String inner = indent + "  ";
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(item -> out.append("\n").append(inner).append(render(item, inner)).append(","));
            return closed(out, indent, "]");
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((key, item) -> out.append("\n").append(inner).append(key instanceof String name
                    && !name.matches("-?\\d+") ? "\"" + name + "\"" : key).append(": ").append(render(item, inner)).append(","));
            return closed(out, indent, "}");
        }
        return String.valueOf(value);
    }

    private static String closed(StringBuilder out, String indent, String bracket) {
        if (out.charAt(out.length() - 1) == ',') {
            out.setLength(out.length() - 1);
        }
        return out.append("\n").append(indent).append(bracket).toString();
    }
}
