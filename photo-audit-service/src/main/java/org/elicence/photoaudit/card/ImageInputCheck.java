package org.elicence.photoaudit.card;

import java.util.Arrays;
import java.util.Optional;

import org.elicence.messaging.image.UploadedImageHeader;

import org.elicence.photoaudit.card.CardCheckConfig;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;

/**
 * Rule INPUT: the upload is a complete JPEG or PNG whose size, read from its header, is within bounds, before
 * OpenCV allocates a single pixel (a 1.2 MB PNG declaring 20000 x 20000 would otherwise take 1.2 GB). Bytes after
 * the image's end (a phone's motion-photo video or vendor trailer after the JPEG's EOI) are cut off and the image
 * accepted; a file that stops before its end is refused. So is one whose decoding would take more memory than the
 * largest ordinary photo (a progressive JPEG or 16-bit PNG of many pixels), or a JPEG of more scans than an encoder
 * writes (a scan bomb: each scan is a pass over the image). The codes: IMAGE_UNREADABLE, IMAGE_TRUNCATED,
 * IMAGE_TOO_SMALL, IMAGE_TOO_LARGE.
 */
final class ImageInputCheck {

    static final String RULE = "INPUT";
    private static final LocalizedText BYTES_BEFORE_THE_END = new LocalizedText("字节（文件在结束标记之前中断）",
            "bytes (the file stops before its end marker)");
    private static final LocalizedText BYTES_TO_DECODE = new LocalizedText("字节（解码所需内存）",
            "bytes (memory to decode it)");
    private static final LocalizedText SCANS = new LocalizedText("个扫描段（JPEG）", "scans (JPEG)");
    private static final LocalizedText LONGER_SIDE = new LocalizedText("像素（长边）", "px (longer side)");
    private static final LocalizedText PIXELS = new LocalizedText("像素", "pixels");
    private static final LocalizedText SHORTER_SIDE = new LocalizedText("像素（短边）", "px (shorter side)");
    private static final LocalizedText UNREADABLE = new LocalizedText("无法读取图片。请上传 JPEG 或 PNG 格式的照片。",
            "The image could not be read. Upload a JPEG or PNG photo.");
    private static final LocalizedText TRUNCATED = new LocalizedText("图片文件不完整。请重新拍摄并上传完整的照片。",
            "The image file is incomplete. Take the photo again and upload the whole file.");
    private static final LocalizedText TOO_SMALL = new LocalizedText("照片尺寸太小。请上传相机拍摄的原图，不要上传缩略图。",
            "The photo is too small. Upload the camera's original photo, not a thumbnail.");
    private static final LocalizedText TOO_LARGE = new LocalizedText("照片尺寸过大。请上传不超过 4000 万像素的照片。",
            "The photo is too large. Upload a photo of at most 40 megapixels.");

    private static final LocalizedText COSTLY = new LocalizedText(
            "照片按其保存方式读取时占用内存过多（例如渐进式 JPEG、16 位 PNG 或需旋转的图片）。请上传较小的照片。",
            "The photo, as it is saved, takes too much memory to read (for example a progressive JPEG, a 16-bit PNG"
                    + " or a picture its orientation tag turns). Upload a smaller photo.");

    private static final LocalizedText NOT_PROCESSABLE = new LocalizedText("无法处理这张照片。请重新拍摄身份证并上传。",
            "This photo could not be processed. Take the photo of the card again and upload it.");

    /** The bytes to decode, or why the upload is refused. */
    record Outcome(byte[] image, RuleCheck refusal) {
    }

    private final CardCheckConfig config;

    ImageInputCheck(CardCheckConfig config) {
        this.config = config;
    }

    Outcome check(byte[] upload) {
        Optional<UploadedImageHeader> read = UploadedImageHeader.read(upload);
        if (read.isEmpty()) {
            return refuse("IMAGE_UNREADABLE", null, "JPEG | PNG", null, UNREADABLE);
        }
        UploadedImageHeader header = read.get();
        int shorter = Math.min(header.width(), header.height());
        if (shorter < config.minImageSide()) {
            return refuse("IMAGE_TOO_SMALL", (double) shorter, ">= " + config.minImageSide(), SHORTER_SIDE,
                    TOO_SMALL);
        }
        int longer = Math.max(header.width(), header.height());
        if (longer > config.maxImageSide()) {
            return refuse("IMAGE_TOO_LARGE", (double) longer, "<= " + config.maxImageSide(), LONGER_SIDE,
                    TOO_LARGE);
        }
        if (header.pixels() > config.maxImagePixels()) {
            return refuse("IMAGE_TOO_LARGE", (double) header.pixels(), "<= " + config.maxImagePixels(), PIXELS,
                    TOO_LARGE);
        }
        if (header.scans() > config.maxImageScans()) {
            return refuse("IMAGE_UNREADABLE", (double) header.scans(), "<= " + config.maxImageScans(), SCANS,
                    UNREADABLE);
        }
        if (header.decodeBytes() > config.maxImageDecodeBytes()) {
            return refuse("IMAGE_TOO_LARGE", (double) header.decodeBytes(), "<= " + config.maxImageDecodeBytes(),
                    BYTES_TO_DECODE, COSTLY);
        }
        if (header.truncated()) {
            return refuse("IMAGE_TRUNCATED", (double) upload.length, null, BYTES_BEFORE_THE_END,
                    TRUNCATED);
        }
        return new Outcome(header.end() == upload.length ? upload : Arrays.copyOf(upload, header.end()), null);
    }

    /** The rule as reported when checking the image failed in a way no check foresaw. */
    static RuleCheck notProcessable() {
        return new RuleCheck(RULE, "IMAGE_NOT_PROCESSABLE", RuleCheck.FAIL, null, null, null, NOT_PROCESSABLE);
    }

    /** The rule as reported when the image was decoded after all but OpenCV could not read it. */
    static RuleCheck undecodable() {
        return new RuleCheck(RULE, "IMAGE_UNREADABLE", RuleCheck.FAIL, null, null, null, UNREADABLE);
    }

    private static Outcome refuse(String code, Double measured, String threshold, LocalizedText unit,
            LocalizedText why) {
        return new Outcome(null, new RuleCheck(RULE, code, RuleCheck.FAIL, measured, threshold, unit, why));
    }
}
