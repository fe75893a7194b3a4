package org.elicence.photoaudit.audit.decode;

import java.util.Arrays;
import java.util.Optional;
import org.elicence.messaging.image.UploadedImageHeader;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.checks.Results;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Defensive decoding of untrusted uploads. Format and dimensions are read from the header (UploadedImageHeader,
 * the same reader application-service's intake uses) BEFORE OpenCV allocates the pixels, so a decompression bomb
 * is refused without allocating it; so is a file whose kind costs more memory than its pixel count says (a
 * progressive JPEG, a 16-bit PNG) or a JPEG of more scans than an encoder writes. No ImageIO: its readers cache a
 * stream's bytes in a temporary file, and an upload is not to touch a disk.
 * OpenCV's IMREAD_COLOR applies the EXIF orientation and converts
 * greyscale, CMYK and 16-bit input to 8-bit BGR; we only record what the source was.
 * <p>
 * A JPEG at least twice the working copy's long side is decoded at half size by the JPEG decoder itself (its
 * scaled inverse DCT: each 8 x 8 block becomes 4 x 4 pixels, no full-size image is ever made), in about half
 * the time of the full decode: the analysis works on a 640-pixel copy and would throw the rest away.
 * {@link #decodeFullResolution} decodes every pixel, for the licence portrait when the half-size crop would have
 * to be enlarged.
 */
public final class ImageDecoder {

    static final String RULE = "IMAGE";
    /** The full decode of an upload (the benchmark times it as the reference decode). */
    public static final int IMREAD_FLAGS = Imgcodecs.IMREAD_ANYCOLOR | Imgcodecs.IMREAD_ANYDEPTH;
    /** The same at half size: OpenCV reads the REDUCED_*_2 bit as the scale and ANYCOLOR as the colour rule. */
    static final int IMREAD_HALF_SIZE_FLAGS = IMREAD_FLAGS | Imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
    private static final Measure BYTES = new Measure("字节", "bytes");
    private static final Measure BYTES_BEFORE_THE_END = new Measure("字节（文件在结束标记之前中断）",
            "bytes (the file stops before its end marker)");
    private static final Measure BYTES_TO_DECODE = new Measure("字节（解码所需内存）", "bytes (memory to decode it)");
    private static final Measure SCANS = new Measure("个扫描段（JPEG）", "scans (JPEG)");
    private static final Measure PIXELS = new Measure("像素", "pixels");
    private static final Measure SHORTER_SIDE = new Measure("像素（短边）", "pixels (shorter side)");
    private static final Measure ASPECT = new Measure("长边 / 短边", "long side / short side");
    private static final Guidance UPLOAD_JPEG = new Guidance("请上传完整的 JPEG 或 PNG 格式照片",
            "Upload the complete photo as a JPEG or PNG file");
    private static final Guidance UPLOAD_SMALLER = new Guidance("照片过大：请上传较小的照片（例如 1200 x 1600 像素）",
            "The photo is too large: upload a smaller file (for example 1200 x 1600 pixels)");

    private static final Guidance UPLOAD_ORDINARY = new Guidance("照片按其保存方式读取时占用内存过多：请上传较小的照片（例如 1200 x 1600 像素）",
            "The photo, as it is saved, takes too much memory to read: upload a smaller photo (for example 1200 x 1600"
                    + " pixels)");
    private static final Guidance UPLOAD_LARGER = new Guidance("照片尺寸太小：请上传原始照片（例如 1200 x 1600 像素），不要上传缩略图",
            "The photo is too small: upload the original photo (for example 1200 x 1600 pixels), not a thumbnail");
    private static final Guidance UPLOAD_PORTRAIT = new Guidance("照片比例异常：请上传完整的竖幅人像照片，不要裁成细条",
            "The photo has an odd shape: upload the whole upright portrait, not a narrow strip");

    private final AuditConfig.Decode config;

    public ImageDecoder(AuditConfig.Decode config) {
        this.config = config;
    }

    /** Decodes an upload for the audit: at half size when it is a JPEG at least twice the working long side. */
    public DecodeOutcome decode(byte[] bytes) {
        return decode(bytes, true);
    }

    /** Decodes every pixel of an upload {@link #decode} accepted before. */
    public DecodeOutcome decodeFullResolution(byte[] bytes) {
        return decode(bytes, false);
    }

    private DecodeOutcome decode(byte[] bytes, boolean mayHalve) {
        if (bytes == null || bytes.length < 16) {
            return refuse("IMAGE_UNREADABLE", bytes == null ? 0 : bytes.length, "> 0", BYTES, UPLOAD_JPEG);
        }
        if (bytes.length > config.maxBytes()) {
            return refuse("IMAGE_TOO_LARGE", bytes.length, "<= " + config.maxBytes(), BYTES, UPLOAD_SMALLER);
        }
        Optional<UploadedImageHeader> read = UploadedImageHeader.read(bytes);
        if (read.isEmpty()) {
            return refuse("IMAGE_UNREADABLE", null, "JPEG | PNG", null, UPLOAD_JPEG);
        }
        UploadedImageHeader header = read.get();
        int shortSide = Math.min(header.width(), header.height());
        if (shortSide < config.minSide()) {
            return refuse("IMAGE_TOO_SMALL", shortSide, ">= " + config.minSide(), SHORTER_SIDE, UPLOAD_LARGER);
        }
        double aspect = Math.max(header.width(), header.height()) / (double) shortSide;
        if (aspect > config.maxAspectRatio()) {
            return refuse("IMAGE_NOT_A_PORTRAIT", aspect, "<= " + config.maxAspectRatio(), ASPECT,
                    UPLOAD_PORTRAIT);
        }
        if (header.pixels() > config.maxPixels()) {
            return refuse("IMAGE_TOO_LARGE", (double) header.pixels(), "<= " + config.maxPixels(), PIXELS,
                    UPLOAD_SMALLER);
        }
        if (header.scans() > config.maxScans()) {
            // a scan bomb: thousands of scans of a few bytes, each a pass over every block (minutes of decoding)
            return refuse("IMAGE_UNREADABLE", header.scans(), "<= " + config.maxScans(), SCANS, UPLOAD_JPEG);
        }
        if (header.decodeBytes() > config.maxDecodeBytes()) {
            return refuse("IMAGE_TOO_LARGE", (double) header.decodeBytes(), "<= " + config.maxDecodeBytes(),
                    BYTES_TO_DECODE, UPLOAD_ORDINARY);
        }
        if (header.truncated()) {
            // OpenCV would silently pad a file that stops early with grey
            return refuse("IMAGE_TRUNCATED", (double) bytes.length, null, BYTES_BEFORE_THE_END, UPLOAD_JPEG);
        }
        if (header.end() < bytes.length) {
            // Bytes after the image's end (a phone's motion-photo video, a vendor trailer) are not part of it: cut off,
            // exactly as on the card path (idcard-service's ImageInputCheck), never a reason to refuse (issue 14).
            bytes = Arrays.copyOf(bytes, header.end());
        }
        // ANYCOLOR|ANYDEPTH (not UNCHANGED) so that OpenCV still applies the EXIF orientation; CMYK JPEGs
        // arrive as BGR. The normalisation to 8-bit BGR is done here, not by a second decode.
        boolean halve = mayHalve && "jpeg".equals(header.format())
                && Math.max(header.width(), header.height()) >= 2 * config.workingLongSide();
        MatOfByte buffer = new MatOfByte(bytes);
        Mat raw = Imgcodecs.imdecode(buffer, halve ? IMREAD_HALF_SIZE_FLAGS : IMREAD_FLAGS);
        buffer.release();
        if (raw.empty()) {
            return refuse("IMAGE_UNREADABLE", null, null, null, UPLOAD_JPEG);
        }
        String channelInfo = (raw.depth() == CvType.CV_16U ? "16-bit " : "")
                + (raw.channels() == 1 ? "greyscale" : raw.channels() == 4 ? "bgra" : "colour");
        return new DecodeOutcome.Decoded(new DecodedImage(toEightBitBgr(raw), header.format(), channelInfo, halve ? 2 : 1));
    }

    private static Mat toEightBitBgr(Mat raw) {
        Mat eightBit = raw;
        if (raw.depth() != CvType.CV_8U) {
            eightBit = new Mat();
            raw.convertTo(eightBit, CvType.CV_8U, raw.depth() == CvType.CV_16U ? 1.0 / 257.0 : 255.0);
            raw.release();
        }
        if (eightBit.channels() == 3) {
            return eightBit;
        }
        Mat bgr = new Mat();
        Imgproc.cvtColor(eightBit, bgr, eightBit.channels() == 1 ? Imgproc.COLOR_GRAY2BGR : Imgproc.COLOR_BGRA2BGR);
        eightBit.release();
        return bgr;
    }

    private static DecodeOutcome refuse(String code, double measured, String threshold, Measure unit, Guidance g) {
        return refuse(code, Double.valueOf(measured), threshold, unit, g);
    }

    private static DecodeOutcome refuse(String code, Double measured, String threshold, Measure unit, Guidance g) {
        CheckResult reason = Results.fail(RULE, code, measured, threshold, unit, g);
        return new DecodeOutcome.Refused(reason);
    }

    /**
     * The working copy of a decoded upload ({@link #downscale(Mat, int, boolean)}); a half-size decode counts as
     * averaged already: the decoder's scaled inverse DCT made each of its pixels from a 2 x 2 block.
     */
    public static Mat downscale(DecodedImage image, int longSide) {
        return downscale(image.bgr(), longSide, image.isReduced());
    }

    /** The same for an image no decoder averaged. */
    public static Mat downscale(Mat src, int longSide) {
        return downscale(src, longSide, false);
    }

    /**
     * Downscales so the long side is at most {@code longSide}; returns a copy even when no scaling is needed.
     * Reductions of 2x or more first average whole k x k blocks (OpenCV's fast integer path: the anti-aliasing
     * step), then resample the remaining factor (between 0.5 and 1) bilinearly. A single fractional area
     * resize of a 1200 x 1600 photo costs about 4.5 ms, these two steps about 1 ms. An image {@code averaged}
     * already (a half-size decode) is resampled bilinearly for a remaining factor below 2 as well (600 x 800 to
     * 480 x 640: 1.2-1.5 ms against 6.0-7.0 ms for the area resize in the benchmark's stage profile, Intel Xeon).
     */
    private static Mat downscale(Mat src, int longSide, boolean averaged) {
        double scale = Math.min(1.0, longSide / (double) Math.max(src.cols(), src.rows()));
        Mat out = new Mat();
        if (scale >= 1.0) {
            src.copyTo(out);
            return out;
        }
        org.opencv.core.Size target = new org.opencv.core.Size(Math.round(src.cols() * scale), Math.round(src.rows() * scale));
        int k = (int) Math.floor(1.0 / scale);
        if (k >= 2) {
            // crop at most k-1 pixels at the right/bottom edge so the block average is exact
            Mat cropped = src.submat(0, src.rows() / k * k, 0, src.cols() / k * k);
            Mat blocks = new Mat();
            Imgproc.resize(cropped, blocks, new org.opencv.core.Size(cropped.cols() / k, cropped.rows() / k), 0, 0,
                    Imgproc.INTER_AREA);
            Imgproc.resize(blocks, out, target, 0, 0, Imgproc.INTER_LINEAR);
            blocks.release();
            cropped.release();
        } else {
            Imgproc.resize(src, out, target, 0, 0, averaged ? Imgproc.INTER_LINEAR : Imgproc.INTER_AREA);
        }
        return out;
    }
}
