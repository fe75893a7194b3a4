package org.elicence.application.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.junit.jupiter.api.Test;

/**
 * Every status × every event, in one table: what {@link Application}'s transition methods do. docs/api.md
 * ("Status values") states the same rules for people. {@code =} means the application stays in (or re-enters) the
 * status of its row, {@code x} that the event is refused in that status (the API answers 409 before it gets there).
 */
class ApplicationTransitionsTest {

    private static final UUID CURRENT_PHOTO = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID OLDER_PHOTO = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID NEW_PHOTO = UUID.fromString("00000000-0000-4000-8000-000000000003");
    /** The front upload {@link #in} gives every application: its checks are the current upload's. */
    private static final UUID CURRENT_FRONT = UUID.fromString("00000000-0000-4000-8000-00000000000f");
    private static final UUID CASE = UUID.fromString("00000000-0000-4000-8000-0000000000ca");
    private static final UUID OLDER_FRONT = UUID.fromString("00000000-0000-4000-8000-0000000000f0");
    private static final Notice NOTICE = Notice.of("SOME_CODE", null);
    private static final IssuedLicence LICENCE = new IssuedLicence(null, "110100415823", null, null, null, null, null,
            "ACTIVE", null, null, null);

    /** The events, in the table's column order. */
    private static final Map<String, Consumer<Application>> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("UP_PHOTO", a -> a.photoUploaded(NEW_PHOTO));                  // PUT …/photo
        EVENTS.put("UP_SIDE", a -> a.idCardSideUploaded(true, UUID.randomUUID())); // PUT …/id-card/front
        EVENTS.put("REG_PHOTO", a -> a.registryPhotoRetrieved(NEW_PHOTO));        // idcard.registry-photo-retrieved
        EVENTS.put("UP_REQ", a -> a.idCardUploadRequired(NOTICE));                  // idcard.upload-required
        EVENTS.put("A_PASS", a -> a.photoAudited(CURRENT_PHOTO, true, false));    // photo.audited PASS
        EVENTS.put("A_FAIL", a -> a.photoAudited(CURRENT_PHOTO, false, false));   // FAIL, a rule failed
        EVENTS.put("A_UNASS", a -> a.photoAudited(CURRENT_PHOTO, false, true));   // FAIL, none failed, some unassessable
        EVENTS.put("A_OLD", a -> a.photoAudited(OLDER_PHOTO, false, false));      // FAIL of an older photo
        EVENTS.put("A_OLDP", a -> a.photoAudited(OLDER_PHOTO, true, false));      // PASS of an older photo
        EVENTS.put("S_PASS", a -> a.idCardSideChecked(true, CURRENT_FRONT, "PASS", true, null)); // idcard.side-checked
        EVENTS.put("S_FAIL", a -> a.idCardSideChecked(true, CURRENT_FRONT, "FAIL", false, NOTICE));
        EVENTS.put("S_OLD", a -> a.idCardSideChecked(true, OLDER_FRONT, "FAIL", false, NOTICE)); // an older upload's
        EVENTS.put("C_REVIEW", a -> a.idCardReviewOpened(CASE));                // idcard.review-opened
        EVENTS.put("C_APPR", a -> a.idCardApproved(CASE));                       // idcard.approved
        EVENTS.put("C_REJ", a -> a.idCardRejected(CASE, NOTICE));                  // idcard.rejected
        EVENTS.put("PR_REQ", Application::photoReviewRequested);                 // POST …/photo/review-request
        EVENTS.put("PR_APPR", Application::photoReviewApproved);                 // staff APPROVE (kcat)
        EVENTS.put("PR_REJ", a -> a.photoReviewRejected(NOTICE));                   // staff REJECT (kcat)
        EVENTS.put("L_ISS", a -> a.licenceIssued(LICENCE, null));                    // licence.issued
        EVENTS.put("L_REF", a -> a.licenceRefused(NOTICE));                         // licence.refused
        EVENTS.put("HELD", a -> a.heldTooLong(code -> NOTICE, StaffCardRecord.NONE));   // the sweep: held too long
        EVENTS.put("HELD_CA", a -> a.heldTooLong(code -> NOTICE,                       // … staff's record shows the
                new StaffCardRecord(false, IdCardReviewCaseClosed.APPROVED)));          // current case approved
        EVENTS.put("HELD_CR", a -> a.heldTooLong(code -> NOTICE,                       // … or rejected (its own
                new StaffCardRecord(false, IdCardReviewCaseClosed.REJECTED)));          // event dead-lettered)
        EVENTS.put("WITHDRAW", a -> a.withdraw(NOTICE));                             // POST …/withdrawal, or abandoned
    }

    private static final Map<String, ApplicationStatus> SHORT = Map.ofEntries(
            Map.entry("SUB", ApplicationStatus.SUBMITTED), Map.entry("AUD", ApplicationStatus.PHOTO_AUDITING),
            Map.entry("PRJ", ApplicationStatus.PHOTO_REJECTED), Map.entry("PUR", ApplicationStatus.PHOTO_UNDER_REVIEW),
            Map.entry("ICQ", ApplicationStatus.ID_CARD_REQUIRED), Map.entry("ICC", ApplicationStatus.ID_CARD_CHECKING),
            Map.entry("ICR", ApplicationStatus.ID_CARD_UNDER_REVIEW),
            Map.entry("ICX", ApplicationStatus.ID_CARD_REJECTED), Map.entry("PEN", ApplicationStatus.LICENCE_PENDING),
            Map.entry("ISS", ApplicationStatus.LICENCE_ISSUED), Map.entry("REF", ApplicationStatus.REFUSED),
            Map.entry("WDR", ApplicationStatus.WITHDRAWN));

    private static final String TABLE = """
            from      UP_PHOTO  UP_SIDE   REG_PHOTO UP_REQ    A_PASS    A_FAIL    A_UNASS   A_OLD     A_OLDP    S_PASS    S_FAIL    S_OLD     C_REVIEW  C_APPR    C_REJ     PR_REQ    PR_APPR   PR_REJ    L_ISS     L_REF     HELD      HELD_CA   HELD_CR   WITHDRAW
            SUB       AUD       ICC       AUD       ICQ       PEN       PRJ       PUR       =         =         =         ICX       =         ICR       PEN       ICX       x         PEN       =         ISS       REF       ICQ       ICQ       ICQ       x
            AUD       =         ICC       =         =         PEN       PRJ       PUR       =         =         =         ICX       =         ICR       PEN       ICX       x         PEN       =         ISS       REF       PRJ       PRJ       PRJ       x
            PRJ       AUD       ICC       =         =         PEN       =         PUR       =         =         =         ICX       =         ICR       PEN       ICX       PUR       PEN       =         ISS       REF       =         =         =         WDR
            PUR       x         x         =         =         PEN       =         =         =         =         =         =         =         =         PEN       =         x         PEN       PRJ       ISS       REF       =         =         =         x
            ICQ       AUD       ICC       =         =         PEN       PRJ       PUR       =         =         =         ICX       =         ICR       PEN       ICX       x         PEN       =         ISS       REF       =         =         =         WDR
            ICC       AUD       =         =         =         PEN       PRJ       PUR       =         =         =         ICX       =         ICR       PEN       ICX       x         PEN       =         ISS       REF       =         =         =         x
            ICR       AUD       x         =         =         PEN       PRJ       PUR       =         =         =         ICX       =         =         PEN       ICX       x         PEN       =         ISS       REF       =         PEN       ICX       x
            ICX       AUD       ICC       =         =         PEN       PRJ       PUR       =         =         =         =         =         ICR       PEN       =         x         PEN       =         ISS       REF       =         =         =         WDR
            PEN       x         x         =         =         =         =         =         =         =         =         =         =         =         =         =         x         =         =         ISS       REF       =         =         =         x
            ISS       x         x         =         =         =         =         =         =         =         =         =         =         =         =         =         x         =         =         =         =         =         =         =         x
            REF       x         x         =         =         =         =         =         =         =         =         =         =         =         =         =         x         =         =         ISS       =         =         =         =         x
            WDR       x         x         =         =         =         =         =         =         =         =         =         =         =         =         =         x         =         =         ISS       REF       =         =         =         =
            """;

    @Test
    void everyStatusAndEventPairMovesAsTheTableSays() {
        List<String[]> rows = TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+"))
                .toList();
        assertEquals(List.copyOf(EVENTS.keySet()), Arrays.asList(rows.get(0)).subList(1, rows.get(0).length),
                "the table's columns are the events");
        assertEquals(ApplicationStatus.values().length, rows.size() - 1, "one row per status");
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            ApplicationStatus from = SHORT.get(row[0]);
            int column = 1;
            for (Map.Entry<String, Consumer<Application>> event : EVENTS.entrySet()) {
                String expected = row[column++];
                String actual = outcome(from, event.getValue());
                cells++;
                if (!expected.equals(actual)) {
                    mismatches.add(from + " × " + event.getKey() + ": expected " + expected + ", was " + actual);
                }
            }
        }
        assertEquals(ApplicationStatus.values().length * EVENTS.size(), cells);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void aLateVerdictOnAnOlderPhotoIsNotShownInPlaceOfTheCurrentOne() {
        Application a = in(ApplicationStatus.PHOTO_REJECTED);
        a.photoUploaded(NEW_PHOTO);
        a.photoAudited(NEW_PHOTO, false, false);
        a.photoAudited(CURRENT_PHOTO, false, false); // the registry photo's verdict, late
        assertEquals(ApplicationStatus.PHOTO_REJECTED, a.status);
        assertEquals(false, a.showsAuditOf(CURRENT_PHOTO));
        assertEquals(true, a.showsAuditOf(NEW_PHOTO));
        // issue 14: nor does a late PASS of the older photo: the licence is made only from the current photo
        assertEquals(Application.AuditOutcome.NONE, a.photoAudited(CURRENT_PHOTO, true, false));
        assertEquals(ApplicationStatus.PHOTO_REJECTED, a.status);
        assertEquals(NEW_PHOTO, a.currentPhotoId);
        assertEquals(false, a.showsAuditOf(CURRENT_PHOTO));
        assertEquals(Application.AuditOutcome.PHOTO_ACCEPTED, a.photoAudited(NEW_PHOTO, true, false));
        assertEquals(ApplicationStatus.LICENCE_PENDING, a.status);
    }

    @Test
    void aCardSideWhoseChecksNeverAnsweredIsAskedForAgainButAMissingSideIsTheApplicantsTurn() {
        Application a = in(ApplicationStatus.ID_CARD_REQUIRED);
        a.idCardSideUploaded(true, UUID.randomUUID());
        a.idCardSideChecked(true, a.idCardFrontUpload, "PASS", true, null);
        assertEquals(null, a.heldTooLong(code -> NOTICE, StaffCardRecord.NONE), "the back was never sent: nothing is held");
        a.idCardSideUploaded(false, UUID.randomUUID());
        assertEquals("ID_CARD_NOT_PROCESSED", a.heldTooLong(code -> Notice.of(code, null), StaffCardRecord.NONE));
        assertEquals(ApplicationStatus.ID_CARD_REJECTED, a.status);
        assertEquals(NextAction.UPLOAD_ID_CARD, a.nextAction);
        assertEquals("PASS", a.idCardFront);
        assertEquals(null, a.idCardBack, "the side to upload again");
        assertEquals("LICENCE_DELAYED", in(ApplicationStatus.LICENCE_PENDING).heldTooLong(code -> NOTICE, StaffCardRecord.NONE));
    }

    /**
     * Staff rejected the photo; the applicant tried the card path, then sent a new portrait: staff's words were about
     * the old photo, and the new one's failures must not be shown under them (they were, until 2026-12-07).
     */
    @Test
    void aNewPortraitClearsStaffsRejectionOfTheOldOneAlsoAfterACardSide() {
        Notice rejection = Notice.rejectedByReviewer("HEAD_COVERED", null, List.of("R5"));
        Application a = in(ApplicationStatus.PHOTO_UNDER_REVIEW);
        a.photoReviewRejected(rejection);
        a.idCardSideUploaded(true, UUID.randomUUID());
        assertEquals(ApplicationStatus.ID_CARD_CHECKING, a.status);
        assertEquals(rejection, a.notice, "still shown while the card side is read");

        a.photoUploaded(NEW_PHOTO);

        assertEquals(null, a.notice);
        Application card = in(ApplicationStatus.ID_CARD_REJECTED);
        card.notice = NOTICE;
        card.photoUploaded(NEW_PHOTO);
        assertEquals(NOTICE, card.notice, "what was said about the card stays");
    }

    @Test
    void aLateRegistryAnswerTellsASettledApplicantNothing() {
        Application a = in(ApplicationStatus.LICENCE_PENDING);
        a.idCardUploadRequired(NOTICE);
        assertEquals(null, a.notice, "no 'upload your ID card' where every upload is refused");
        Application waiting = in(ApplicationStatus.PHOTO_REJECTED);
        waiting.idCardUploadRequired(NOTICE);
        assertEquals(NOTICE, waiting.notice, "still open: the card path is the applicant's to take");
    }

    /**
     * The front failed, then the back was uploaded and passed: idcard-service opens no case on a failed front, so the
     * card stays rejected and the front is asked for (it waited, unwithdrawable, for an event that never came).
     */
    @Test
    void aSideThatPassesBesideAFailedOneLeavesTheCardRejectedAndTheFailedSideAskedFor() {
        Application a = in(ApplicationStatus.ID_CARD_REQUIRED);
        a.idCardSideUploaded(true, UUID.randomUUID());
        a.idCardSideChecked(true, a.idCardFrontUpload, "FAIL", false, NOTICE);
        assertEquals(ApplicationStatus.ID_CARD_REJECTED, a.status);
        a.idCardSideUploaded(false, UUID.randomUUID());
        assertEquals(ApplicationStatus.ID_CARD_CHECKING, a.status);
        assertEquals(NextAction.UPLOAD_ID_CARD, a.nextAction, "the failed front may be uploaded again meanwhile");
        a.idCardSideChecked(false, a.idCardBackUpload, "PASS", true, null);
        assertEquals(ApplicationStatus.ID_CARD_REJECTED, a.status);
        assertEquals(NextAction.UPLOAD_ID_CARD, a.nextAction);
        assertEquals(NOTICE, a.notice, "the front's failure is what the applicant is told");
        assertTrue(a.mayBeWithdrawn());
        a.idCardSideUploaded(true, UUID.randomUUID());
        assertEquals(NextAction.WAIT, a.nextAction, "both sides in hand, the front being checked");
        a.idCardSideChecked(true, a.idCardFrontUpload, "PASS", true, null);
        assertEquals(ApplicationStatus.ID_CARD_CHECKING, a.status, "both passed: idcard-service opens the case");
        a.idCardReviewOpened(CASE);
        assertEquals(ApplicationStatus.ID_CARD_UNDER_REVIEW, a.status);
    }

    /** After staff reject the card, both sides are asked for again: one new side alone waits for the other. */
    @Test
    void aCardStaffRejectedIsUploadedAgainOnBothSides() {
        Application a = bothCardSidesPassed();
        a.idCardReviewOpened(CASE);
        a.idCardRejected(CASE, NOTICE);
        assertEquals(ApplicationStatus.ID_CARD_REJECTED, a.status);
        assertEquals(null, a.idCardFront);
        assertEquals(null, a.idCardBack);
        a.idCardSideUploaded(true, UUID.randomUUID());
        a.idCardSideChecked(true, a.idCardFrontUpload, "PASS", true, null);
        assertEquals(ApplicationStatus.ID_CARD_CHECKING, a.status);
        assertEquals(NextAction.UPLOAD_ID_CARD, a.nextAction, "the back is asked for again");
        assertTrue(a.mayBeWithdrawn());
    }

    /**
     * Only the current case's decision moves the application, once: a decision on an earlier round's case, or one
     * replayed after it (or staff's record of it, read by the sweep) was applied, would undo what the applicant did
     * since, here a new upload of both sides.
     */
    @Test
    void onlyTheCurrentCasesDecisionMovesTheApplicationAndOnlyOnce() {
        Application a = bothCardSidesPassed();
        a.idCardReviewOpened(CASE);
        assertEquals("ID_CARD_NOT_ACCEPTED", a.heldTooLong(code -> Notice.of(code, null),
                new StaffCardRecord(false, IdCardReviewCaseClosed.REJECTED)));
        assertEquals(ApplicationStatus.ID_CARD_REJECTED, a.status);
        UUID front = UUID.randomUUID();
        a.idCardSideUploaded(true, front);
        a.idCardSideUploaded(false, UUID.randomUUID());
        a.idCardRejected(CASE, NOTICE); // the dead-lettered rejection, replayed
        a.idCardApproved(CASE);
        assertEquals(ApplicationStatus.ID_CARD_CHECKING, a.status);
        assertEquals(front, a.idCardFrontUpload);
        a.idCardSideChecked(true, front, "PASS", true, null);
        a.idCardSideChecked(false, a.idCardBackUpload, "PASS", true, null);
        UUID second = UUID.randomUUID();
        a.idCardReviewOpened(second);
        a.idCardRejected(CASE, NOTICE); // the first round's, once more
        assertEquals(ApplicationStatus.ID_CARD_UNDER_REVIEW, a.status);
        a.idCardApproved(second);
        assertEquals(ApplicationStatus.LICENCE_PENDING, a.status);
    }

    @Test
    void nextActionFollowsTheStatusAndAsksForAMissingCardSide() {
        Application a = in(ApplicationStatus.ID_CARD_REQUIRED);
        a.idCardSideUploaded(true, UUID.randomUUID());
        assertEquals(NextAction.UPLOAD_ID_CARD, a.nextAction, "the back is still missing");
        a.idCardSideUploaded(false, UUID.randomUUID());
        assertEquals(NextAction.WAIT, a.nextAction);
        a.photoAudited(CURRENT_PHOTO, false, true);
        assertEquals(NextAction.WAIT, a.nextAction);
        a.photoReviewRejected(NOTICE);
        assertEquals(NextAction.UPLOAD_PHOTO, a.nextAction);
        a.licenceRefused(NOTICE);
        assertEquals(NextAction.NONE, a.nextAction);
        assertEquals(a.updatedAt, a.closedAt, "a final status closes the application");
    }

    private static String outcome(ApplicationStatus from, Consumer<Application> event) {
        Application application = in(from);
        try {
            event.accept(application);
        } catch (IllegalStateException refused) {
            return application.status == from ? "x" : "moved, then refused";
        }
        return application.status == from ? "=" : shortName(application.status);
    }

    private static String shortName(ApplicationStatus status) {
        return SHORT.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    /**
     * Staff rejected the card while a new front was being read (sent just before the case's opening was heard: no side
     * is taken once it is); its pass arrives after the rejection. It speaks of an upload made before the rejection, which idcard-service will not put in a new case: it moves nothing, and the
     * front is still asked for (before, it showed PASS, the applicant sent only the back, and the application waited
     * in ID_CARD_CHECKING for a case that never opened).
     */
    @Test
    void aCheckOfAnUploadMadeBeforeStaffRejectedTheCardMovesNothing() {
        Application a = bothCardSidesPassed();
        UUID retaken = UUID.randomUUID();
        a.idCardSideUploaded(true, retaken);
        a.idCardReviewOpened(CASE);
        assertThrows(IllegalStateException.class, () -> a.idCardSideUploaded(true, UUID.randomUUID()),
                "no side while staff review the card");
        a.idCardRejected(CASE, NOTICE);
        a.idCardSideChecked(true, retaken, "PASS", true, null);
        assertEquals(ApplicationStatus.ID_CARD_REJECTED, a.status);
        assertEquals(null, a.idCardFront, "both sides are asked for again");
        assertEquals(NextAction.UPLOAD_ID_CARD, a.nextAction);
        UUID back = UUID.randomUUID();
        a.idCardSideUploaded(false, back);
        a.idCardSideChecked(false, back, "PASS", true, null);
        assertEquals(NextAction.UPLOAD_ID_CARD, a.nextAction, "the front is still missing");
        assertEquals(null, a.heldTooLong(code -> NOTICE, StaffCardRecord.NONE), "the applicant's turn, not a service's");
    }

    /**
     * A portrait sent while staff review the card moves the application on (a failed one to PHOTO_REJECTED), the case
     * still undecided: sides are taken again, for only ID_CARD_UNDER_REVIEW has the held sweep to mend a lost decision,
     * and refusing them until it came could block the card path for good. Staff's rejection then asks for both again.
     */
    @Test
    void aSideIsTakenAgainOnceAPortraitMovedTheApplicationOnDuringTheReview() {
        Application a = bothCardSidesPassed();
        a.idCardReviewOpened(CASE);
        assertFalse(a.acceptsIdCardSides(), "no side while the application waits for staff's review");
        UUID portrait = UUID.randomUUID();
        a.photoUploaded(portrait);
        a.photoAudited(portrait, false, false);
        assertEquals(ApplicationStatus.PHOTO_REJECTED, a.status);
        assertTrue(a.acceptsIdCardSides());
        a.idCardSideUploaded(true, UUID.randomUUID());
        a.idCardRejected(CASE, NOTICE);
        assertEquals(ApplicationStatus.ID_CARD_REJECTED, a.status);
        assertEquals(null, a.idCardFront, "both sides are asked for again");
    }

    /** An older upload's check, arriving after a newer upload of the same side, leaves the newer one being read. */
    @Test
    void aCheckOfAnOlderUploadOfTheSideMovesNothing() {
        Application a = in(ApplicationStatus.ID_CARD_REQUIRED);
        UUID first = UUID.randomUUID();
        a.idCardSideUploaded(true, first);
        a.idCardSideUploaded(true, UUID.randomUUID());
        a.idCardSideChecked(true, first, "FAIL", false, NOTICE);
        assertEquals(ApplicationStatus.ID_CARD_CHECKING, a.status);
        assertEquals("RECEIVED", a.idCardFront);
        a.idCardSideChecked(true, first, "PASS", true, null);
        assertEquals("RECEIVED", a.idCardFront, "the retake is still being read, and the sweep can see it");
        assertEquals("ID_CARD_NOT_PROCESSED", a.heldTooLong(code -> Notice.of(code, null), StaffCardRecord.NONE));
        assertEquals(null, a.idCardFront, "asked for again");
        a.idCardSideChecked(true, first, "PASS", true, null);
        assertEquals(null, a.idCardFront, "still not the older upload's");
        a.idCardSideChecked(true, a.idCardFrontUpload, "PASS", true, null);
        assertEquals("PASS", a.idCardFront, "the retake's reading, late, still counts");
    }

    /**
     * Both sides passed but no review case opened (idcard-service opens none on a side whose images its retention
     * deleted before the other side passed, or the case's event was lost): the sweep asks for both sides again
     * rather than leave the application waiting, unwithdrawable, for ever.
     */
    @Test
    void aCardWhoseSidesPassedButWhoseCaseNeverOpenedIsAskedForAgain() {
        Application a = bothCardSidesPassed();
        assertEquals(NextAction.WAIT, a.nextAction);
        assertEquals(false, a.mayBeWithdrawn());
        assertEquals(null, a.heldTooLong(code -> NOTICE, new StaffCardRecord(true, null)), "staff have the card in a case: their decision moves it");
        assertEquals(ApplicationStatus.ID_CARD_CHECKING, a.status);
        assertEquals("ID_CARD_REVIEW_NOT_OPENED", a.heldTooLong(code -> Notice.of(code, null), StaffCardRecord.NONE));
        assertEquals(ApplicationStatus.ID_CARD_REJECTED, a.status);
        assertEquals(NextAction.UPLOAD_ID_CARD, a.nextAction);
        assertEquals(null, a.idCardFront);
        assertEquals(null, a.idCardBack);
        assertTrue(a.mayBeWithdrawn());
    }

    /**
     * A verdict on a photo nobody asked for (on the card path no photo is current) moves nothing, even a PASS that
     * says it judged the registry photo: the updater first offers it as the registry photo, which counts only while
     * the application waits for the registry ({@code registryPhotoRetrieved}), as a verdict that overtook the
     * retrieval's event does.
     */
    @Test
    void aVerdictOnAPhotoNobodyAskedForMovesNothing() {
        Application card = in(ApplicationStatus.ID_CARD_REQUIRED);
        card.currentPhotoId = null;
        card.idCardSideUploaded(true, UUID.randomUUID());
        card.registryPhotoRetrieved(NEW_PHOTO);
        assertEquals(Application.AuditOutcome.NONE, card.photoAudited(NEW_PHOTO, true, false));
        assertEquals(ApplicationStatus.ID_CARD_CHECKING, card.status);
        assertEquals(null, card.currentPhotoId);
        assertEquals(false, card.showsAuditOf(NEW_PHOTO));

        Application waiting = in(ApplicationStatus.SUBMITTED);
        waiting.currentPhotoId = null;
        waiting.registryPhotoRetrieved(NEW_PHOTO);
        assertEquals(Application.AuditOutcome.PHOTO_ACCEPTED, waiting.photoAudited(NEW_PHOTO, true, false));
        assertEquals(ApplicationStatus.LICENCE_PENDING, waiting.status);

        // the registry answered after the sweep had handed the application back: it still counts, until an upload
        Application late = in(ApplicationStatus.SUBMITTED);
        late.currentPhotoId = null;
        late.heldTooLong(code -> Notice.of(code, null), StaffCardRecord.NONE);
        assertEquals(ApplicationStatus.ID_CARD_REQUIRED, late.status);
        late.registryPhotoRetrieved(NEW_PHOTO);
        assertEquals(Application.AuditOutcome.PHOTO_ACCEPTED, late.photoAudited(NEW_PHOTO, true, false));
        Application uploaded = in(ApplicationStatus.SUBMITTED);
        uploaded.currentPhotoId = null;
        uploaded.heldTooLong(code -> Notice.of(code, null), StaffCardRecord.NONE);
        uploaded.idCardSideUploaded(true, UUID.randomUUID());
        uploaded.registryPhotoRetrieved(NEW_PHOTO);
        assertEquals(Application.AuditOutcome.NONE, uploaded.photoAudited(NEW_PHOTO, true, false));
    }

    /**
     * Licence events replayed from a dead-letter topic (the runbook's replay) after later ones: a SUSPEND after the
     * REINSTATE that ended it, the first credentials after a renewal. They show nothing older than what is shown.
     */
    @Test
    void aReplayedOlderLicenceEventDoesNotReplaceANewerOne() {
        Instant issued = Instant.parse("2026-03-01T08:00:00Z");
        Instant renewed = issued.plusSeconds(86_400);
        Application a = in(ApplicationStatus.LICENCE_PENDING);
        a.licenceIssued(licenceSignedAt(issued), null);
        a.licenceStatusChanged("SUSPENDED", issued.plusSeconds(3_600));
        a.licenceIssued(licenceSignedAt(renewed).withStatus("SUSPENDED", null), null);
        a.licenceStatusChanged("ACTIVE", renewed.plusSeconds(3_600));
        a.licenceStatusChanged("SUSPENDED", issued.plusSeconds(3_600));   // replayed
        a.licenceStatusChanged("SUSPENDED", renewed.plusSeconds(1_800));  // replayed, before the REINSTATE
        a.licenceIssued(licenceSignedAt(issued), null);                   // replayed
        assertEquals("ACTIVE", a.licence.status());
        assertEquals(renewed, a.licence.issuedAt());
        a.licenceStatusChanged("REVOKED", renewed.plusSeconds(7_200));
        assertEquals("REVOKED", a.licence.status(), "a newer change still applies");
        assertEquals(ApplicationStatus.LICENCE_ISSUED, a.status);

        // a renewal's licence.issued dead-lettered, the licence suspended meanwhile, then the renewal replayed: the
        // new credentials are shown with the suspension
        Instant suspended = issued.plusSeconds(7_200);
        Application b = in(ApplicationStatus.LICENCE_PENDING);
        b.licenceIssued(licenceSignedAt(issued), null);
        b.licenceStatusChanged("SUSPENDED", suspended);
        b.licenceIssued(licenceSignedAt(issued.plusSeconds(3_600)), null);
        assertEquals(issued.plusSeconds(3_600), b.licence.issuedAt());
        assertEquals("SUSPENDED", b.licence.status());
        assertEquals(suspended, b.licence.statusChangedAt());
        b.licenceIssued(licenceSignedAt(renewed).withStatus("SUSPENDED", null), null);
        assertEquals(suspended, b.licence.statusChangedAt(), "when the status last changed survives a renewal");
    }

    private static IssuedLicence licenceSignedAt(Instant at) {
        return new IssuedLicence(null, "110100415823", null, null, null, null, null, "ACTIVE", at, null, null);
    }

    @Test
    void theStatusHistoryListsEveryMoveOnceInOrder() {
        Application a = new Application();
        a.submitted();
        a.photoUploaded(NEW_PHOTO);
        a.photoAudited(NEW_PHOTO, false, false);
        a.photoUploaded(CURRENT_PHOTO);
        a.photoAudited(CURRENT_PHOTO, false, false);
        a.photoAudited(CURRENT_PHOTO, false, true);   // a re-audit the machine could not judge
        a.photoReviewApproved();
        a.licenceIssued(LICENCE, null);
        a.licenceStatusChanged("SUSPENDED", Instant.now()); // the licence's status, not the application's
        assertEquals(List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.PHOTO_AUDITING,
                ApplicationStatus.PHOTO_REJECTED, ApplicationStatus.PHOTO_AUDITING, ApplicationStatus.PHOTO_REJECTED,
                ApplicationStatus.PHOTO_UNDER_REVIEW, ApplicationStatus.LICENCE_PENDING,
                ApplicationStatus.LICENCE_ISSUED), a.statusHistory.stream().map(StatusChange::status).toList());
        assertEquals(NextAction.WAIT, a.statusHistory.get(5).nextAction());
        assertEquals(a.closedAt, a.statusHistory.get(7).at());
        for (int i = 1; i < a.statusHistory.size(); i++) {
            assertEquals(false, a.statusHistory.get(i).at().isBefore(a.statusHistory.get(i - 1).at()));
        }
    }

    /** Both sides uploaded from ID_CARD_REQUIRED and passed: idcard-service would open a case now. */
    private static Application bothCardSidesPassed() {
        Application a = in(ApplicationStatus.ID_CARD_REQUIRED);
        a.idCardSideUploaded(true, UUID.randomUUID());
        a.idCardSideUploaded(false, UUID.randomUUID());
        a.idCardSideChecked(true, a.idCardFrontUpload, "PASS", true, null);
        a.idCardSideChecked(false, a.idCardBackUpload, "PASS", true, null);
        return a;
    }

    private static Application in(ApplicationStatus status) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.status = status;
        application.nextAction = status.nextAction();
        application.currentPhotoId = CURRENT_PHOTO;
        application.idCardFrontUpload = CURRENT_FRONT;
        application.createdAt = Instant.EPOCH;
        application.updatedAt = Instant.EPOCH;
        return application;
    }
}
