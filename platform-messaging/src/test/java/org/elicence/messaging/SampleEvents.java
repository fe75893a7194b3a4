package org.elicence.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.IdCardRejected;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.IdCardReviewDecision;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.events.IdCardReviewOpened;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardReadingRequested;
import org.elicence.messaging.events.IdCardSideChecked;
import org.elicence.messaging.events.IdCardSideRead;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.events.IdCardUploadRequired;
import org.elicence.messaging.events.IdRegistryPhotoRetrieved;
import org.elicence.messaging.events.LicenceAuthorityCommand;
import org.elicence.messaging.events.LicenceAuthorityCommandRejected;
import org.elicence.messaging.events.LicenceIssued;
import org.elicence.messaging.events.LicenceRefused;
import org.elicence.messaging.events.LicenceRegisterEntry;
import org.elicence.messaging.events.LicenceStatusChanged;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.PhotoAuditRequested;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.PhotoAccepted;
import org.elicence.messaging.events.PhotoReviewApproved;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.DeadLetterReplay;
import org.elicence.messaging.events.DeadLetterReplayOutcome;
import org.elicence.messaging.events.DeviceKeyRegistered;
import org.elicence.messaging.events.PhotoReviewCaseClosed;
import org.elicence.messaging.events.PhotoReviewCaseOpened;
import org.elicence.messaging.events.PhotoReviewDecision;
import org.elicence.messaging.events.PhotoReviewDecisionRejected;
import org.elicence.messaging.events.PhotoSource;
import org.elicence.messaging.events.RuleCheck;

/**
 * One valid payload of every catalogued event type, built from the Java records the services
 * publish. The citizen is ZHANG Wei of the fictional ID registry (idcard-service's seed data).
 */
final class SampleEvents {

    static final String APPLICATION_ID = "3f2c8a5e-7b1d-4c9e-a2f0-6d8b1e4c7a90";
    static final String APPLICANT_ID = "11010119900307213X";
    static final String PHOTO_ID = "8d1e5b7a-2c4f-4e6a-9b3d-0f7c2a1e5d84";
    static final String UPLOAD_ID = "c4a7e2d1-9f3b-4b8e-8a6c-2e5d7f1b3a06";
    static final String CASE_ID = "5b9d3f1e-6a2c-4d7b-b8e4-1c3f5a7d9e02";
    static final String DECISION_ID = "e7c1a3f5-4b6d-4f8a-9c2e-7d5b3a1f9e68";
    static final String COMMAND_ID = "9a4c6e8f-3b5d-4a7c-8e1f-6b2d4f8a0c35";
    static final String LICENCE_NUMBER = "110100000001";
    static final Instant NOW = Instant.parse("2025-03-14T08:30:00Z");
    /** The first bytes of a JPEG, base64: the schema checks the encoding, not the picture. */
    static final String JPEG_BASE64 = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA==";
    static final EncodedImage PORTRAIT = new EncodedImage("image/jpeg", 358, 441, JPEG_BASE64);
    static final RuleCheck FACE_COUNT_PASS = new RuleCheck("R1", "ONE_FACE", RuleCheck.PASS, 1.0, "= 1",
            new LocalizedText("人脸数", "faces"),
            new LocalizedText("检测到一张人脸。", "Exactly one face was found."));
    static final RuleCheck CARD_PASS = new RuleCheck("ID1", "CARD_FOUND", RuleCheck.PASS, 0.93, ">= 0.60",
            new LocalizedText("身份证面积 / 图像面积", "card area / image area"),
            new LocalizedText("已找到身份证。", "The ID card was found."));

    private SampleEvents() {
    }

    /** The JSON the services' ObjectMapper writes: Quarkus's defaults (ISO-8601 dates) for the records. */
    static ObjectMapper objectMapper() {
        return new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    static Object of(EventType type) {
        return switch (type) {
            case APPLICATION_CREATED -> new ApplicationCreated(APPLICATION_ID, APPLICANT_ID, "张伟", NOW);
            case ID_CARD_SIDE_UPLOADED -> new IdCardSideUploaded(APPLICATION_ID, APPLICANT_ID, UPLOAD_ID,
                    IdCardSide.FRONT, "image/jpeg", JPEG_BASE64, NOW);
            case ID_CARD_READING_REQUESTED -> new IdCardReadingRequested(APPLICATION_ID, UPLOAD_ID, IdCardSide.FRONT,
                    "image/jpeg", JPEG_BASE64, APPLICANT_ID, "张伟", NOW);
            case ID_CARD_SIDE_READ -> new IdCardSideRead(APPLICATION_ID, UPLOAD_ID, IdCardSide.FRONT, List.of(CARD_PASS),
                    new EncodedImage("image/jpeg", 1284, 810, JPEG_BASE64), PORTRAIT, -5_764_607_523_034_234_880L);
            case PHOTO_AUDIT_REQUESTED -> new PhotoAuditRequested(APPLICATION_ID, APPLICANT_ID, PHOTO_ID,
                    PhotoSource.APPLICANT_UPLOAD, "image/jpeg", JPEG_BASE64, NOW);
            case PHOTO_AUDITED -> new PhotoAudited(APPLICATION_ID, APPLICANT_ID, PHOTO_ID, PhotoSource.APPLICANT_UPLOAD,
                    PhotoAudited.PASS, List.of(FACE_COUNT_PASS), PORTRAIT, PORTRAIT, NOW, 412);
            case ID_REGISTRY_PHOTO_RETRIEVED -> new IdRegistryPhotoRetrieved(APPLICATION_ID, PHOTO_ID);
            case ID_CARD_UPLOAD_REQUIRED -> new IdCardUploadRequired(APPLICATION_ID,
                    IdCardUploadRequired.CARD_ISSUED_BEFORE_CUTOFF,
                    new LocalizedText("请上传身份证正反面照片。", "Please upload photos of the front and back of your ID card."));
            case ID_CARD_SIDE_CHECKED -> new IdCardSideChecked(APPLICATION_ID, UPLOAD_ID, IdCardSide.FRONT,
                    RuleCheck.PASS, List.of(CARD_PASS));
            case ID_CARD_REVIEW_OPENED -> new IdCardReviewOpened(APPLICATION_ID, CASE_ID);
            case ID_CARD_APPROVED -> new IdCardApproved(APPLICATION_ID, APPLICANT_ID, CASE_ID, PORTRAIT);
            case ID_CARD_REJECTED -> new IdCardRejected(APPLICATION_ID, CASE_ID, "REJECTED_BY_REVIEWER",
                    new LocalizedText("身份证照片模糊。", "The ID card photo is blurred."));
            case LICENCE_ISSUED -> new LicenceIssued(APPLICATION_ID, APPLICANT_ID, LICENCE_NUMBER, "ZHANG Wei",
                    List.of("C1"), LocalDate.parse("2025-03-14"), LocalDate.parse("2031-03-14"),
                    "北京市公安局公安交通管理局", "ACTIVE", NOW,
                    List.of(new LicenceIssued.Credential("mso_mdoc", "omdkb2NUeXBldW9yZy5pc28uMTgwMTMuNS4xLm1ETA"),
                            new LicenceIssued.Credential("jws", "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")),
                    new EncodedImage("image/png", 600, 600, "iVBORw0KGgo="));
            case LICENCE_REFUSED -> new LicenceRefused(APPLICATION_ID, LicenceRefused.NO_DRIVING_LICENCE_RECORD,
                    new LocalizedText("未找到您的驾驶证记录。", "No driving-licence record was found for you."));
            case LICENCE_STATUS_CHANGED -> new LicenceStatusChanged(APPLICATION_ID, LICENCE_NUMBER, "SUSPENDED",
                    "Court order 2025-17", NOW);
            case LICENCE_REGISTER_ENTRY -> new LicenceRegisterEntry(APPLICATION_ID, LICENCE_NUMBER,
                    LicenceRegisterEntry.STATUS_CHANGED, "SUSPENDED", "Court order 2025-17", null, null, null, NOW);
            case ID_CARD_REVIEW_CASE_OPENED -> new IdCardReviewCaseOpened(CASE_ID, APPLICATION_ID, APPLICANT_ID, "张伟",
                    IdCardReviewCaseOpened.PENDING, IdCardUploadRequired.CARD_ISSUED_BEFORE_CUTOFF, NOW, UPLOAD_ID,
                    "0a6e4c2f-8d1b-4f3a-b5c7-9e2d4f6a8b13", List.of(CARD_PASS), List.of(CARD_PASS), PORTRAIT, PORTRAIT,
                    PORTRAIT);
            case ID_CARD_REVIEW_CASE_CLOSED -> new IdCardReviewCaseClosed(CASE_ID, APPLICATION_ID,
                    IdCardReviewCaseClosed.APPROVED, DECISION_ID, "reviewer-017", null, null, NOW);
            case ID_CARD_REVIEW_DECISION -> new IdCardReviewDecision(DECISION_ID, CASE_ID, "reviewer-017",
                    IdCardReviewDecision.REJECT, "身份证照片模糊。", "The ID card photo is blurred.", "BLURRED_CARD");
            case ID_CARD_REVIEW_DECISION_REJECTED -> new IdCardReviewDecisionRejected(DECISION_ID, CASE_ID,
                    APPLICATION_ID, "reviewer-017", IdCardReviewDecisionRejected.CASE_ALREADY_DECIDED,
                    "case " + CASE_ID + " was already APPROVED", "{\"decisionId\":\"" + DECISION_ID + "\"}", 1, 42L, NOW);
            case LICENCE_AUTHORITY_COMMAND -> new LicenceAuthorityCommand(COMMAND_ID, LICENCE_NUMBER,
                    LicenceAuthorityCommand.SUSPEND, "traffic-police-beijing", "酒后驾驶，暂扣六个月。");
            case LICENCE_AUTHORITY_COMMAND_REJECTED -> new LicenceAuthorityCommandRejected(COMMAND_ID, LICENCE_NUMBER,
                    "unknown-office", LicenceAuthorityCommandRejected.AUTHORITY_NOT_AUTHORISED,
                    "authority unknown-office may not change licences", "{\"commandId\":\"" + COMMAND_ID + "\"}", 0,
                    7L, NOW);
            case DEAD_LETTER_REPLAY -> new DeadLetterReplay(COMMAND_ID, "platform-operator", "idcard-service", 1, 42L);
            case DEAD_LETTER_REPLAY_OUTCOME -> new DeadLetterReplayOutcome(COMMAND_ID, "idcard-service",
                    "platform-operator", DeadLetterReplayOutcome.REPLAYED, null, null, "idcard-service.dlq", 1, 42L,
                    Topics.APPLICATIONS, EventType.APPLICATION_WITHDRAWN.type(), null, 0, 3L, NOW);
            case PHOTO_REVIEW_CASE_OPENED -> new PhotoReviewCaseOpened(CASE_ID, APPLICATION_ID, "张伟",
                    PhotoReviewCaseOpened.PENDING, PhotoReviewCaseOpened.NOT_ASSESSABLE, PHOTO_ID,
                    PhotoSource.APPLICANT_UPLOAD, PhotoAudited.FAIL, 1, NOW, List.of(FACE_COUNT_PASS), PORTRAIT,
                    PORTRAIT);
            case PHOTO_REVIEW_CASE_CLOSED -> new PhotoReviewCaseClosed(CASE_ID, APPLICATION_ID,
                    PhotoReviewCaseClosed.REJECTED, DECISION_ID, "reviewer-017", List.of("R11"), "请摘下眼镜后重新拍照。", NOW);
            case PHOTO_REVIEW_DECISION -> new PhotoReviewDecision(DECISION_ID, CASE_ID, "reviewer-017",
                    PhotoReviewDecision.REJECT, List.of("R11"), "请摘下眼镜后重新拍照。", "Take off your glasses and take a new photo.",
                    "GLASSES");
            case PHOTO_REVIEW_DECISION_REJECTED -> new PhotoReviewDecisionRejected(DECISION_ID, CASE_ID,
                    APPLICATION_ID, "reviewer-017", PhotoReviewDecisionRejected.NO_PORTRAIT,
                    "the audit produced no licence portrait for this photo", "{\"decisionId\":\"" + DECISION_ID + "\"}",
                    2, 9L, NOW);
            case PHOTO_REVIEW_APPROVED -> new PhotoReviewApproved(APPLICATION_ID, APPLICANT_ID, CASE_ID, PHOTO_ID,
                    PORTRAIT);
            case DEVICE_KEY_REGISTERED -> new DeviceKeyRegistered(APPLICATION_ID, APPLICANT_ID,
                    new DeviceKeyRegistered.DeviceKey("EC", "P-256", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                            "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"), NOW);
            case PHOTO_ACCEPTED -> new PhotoAccepted(APPLICATION_ID, APPLICANT_ID, PHOTO_ID, NOW);
            case APPLICATION_WITHDRAWN -> new ApplicationWithdrawn(APPLICATION_ID, APPLICANT_ID,
                    ApplicationWithdrawn.BY_APPLICANT, NOW);
            default -> throw new AssertionError("no sample for " + type + ": add one to SampleEvents, "
                    + "and document it in docs/asyncapi.yaml and docs/events.md");
        };
    }
}
