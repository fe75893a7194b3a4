package org.elicence.messaging.image;

/**
 * An image as {@link MetadataStripper} read it: its format, size in pixels and EXIF orientation (1-8), and its bytes
 * without metadata or trailing bytes.
 */
public record StrippedImage(String contentType, int width, int height, int orientation, byte[] bytes) {
}
