package org.elicence.photoaudit.card.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.elicence.photoaudit.card.testing.CardPhotos.Placement;

/**
 * Writes the card photos the system tests upload (deploy/system-tests/src/test/resources/idcards): each holder's
 * front and back, rendered in the real layout with the holder's own number and portrait, lying slightly tilted on a
 * table. Run from the repository root after {@code ./mvnw -o -pl photo-audit-service -am test-compile}:
 * <pre>
 * ./mvnw -o -q -pl photo-audit-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp photo-audit-service/target/test-classes:photo-audit-service/target/classes:$(cat /tmp/cp.txt) \
 *     org.elicence.photoaudit.card.testing.SystemTestCards deploy/system-tests/src/test/resources/idcards
 * </pre>
 */
public final class SystemTestCards {

    private SystemTestCards() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        for (CardHolder holder : new CardHolder[] {CardHolder.WANG_FANG, CardHolder.LIU_YANG, CardHolder.YANG_LEI}) {
            String name = holder.nameLatin().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            Files.write(folder.resolve(name + "-front.jpg"),
                    CardPhotos.photograph(CardPhotos.renderFront(holder), Placement.SLIGHTLY_TILTED));
            Files.write(folder.resolve(name + "-back.jpg"),
                    CardPhotos.photograph(CardPhotos.renderBack(holder), Placement.SLIGHTLY_TILTED));
        }
    }
}
