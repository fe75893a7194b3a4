package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.elicence.messaging.events.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * Every text the audit writes for the applicant, what was measured ({@link Measure}) and how to fix it
 * ({@link Guidance}, the card checks' {@link LocalizedText}), is written in both languages (photo-rules.md): a Chinese
 * text with Chinese characters in it and an English one without. They are constants of the audit's classes, read
 * here from the compiled classes.
 */
class MeasureTextsTest {

    private static final Path CLASSES = Path.of("target/classes/org/elicence/photoaudit");

    @Test
    void everyMeasureAndEveryGuidanceIsWrittenInChineseAndInEnglish() throws Exception {
        List<String> problems = new ArrayList<>();
        int measures = 0;
        int texts = 0;
        for (Field field : constants()) {
            Object value = field.get(null);
            String where = field.getDeclaringClass().getSimpleName() + "." + field.getName();
            if (value instanceof Measure m) {
                measures++;
                check(where, m.zhCN(), m.en(), problems);
            } else if (value instanceof Guidance g) {
                texts++;
                check(where, g.zhCN(), g.en(), problems);
            } else if (value instanceof LocalizedText t) {
                texts++;
                check(where, t.zhCN(), t.en(), problems);
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(measures >= 60, "the measures were found: " + measures);
        assertTrue(texts >= 60, "the guidance texts were found: " + texts);
    }

    private static void check(String where, String zh, String en, List<String> problems) {
        if (zh == null || zh.codePoints().noneMatch(MeasureTextsTest::isChinese)) {
            problems.add(where + ": no Chinese in \"" + zh + "\"");
        }
        if (en == null || en.isBlank() || en.codePoints().anyMatch(MeasureTextsTest::isChinese)) {
            problems.add(where + ": not English: \"" + en + "\"");
        }
    }

    private static boolean isChinese(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static List<Field> constants() throws IOException, ClassNotFoundException {
        List<Field> fields = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "org.elicence.photoaudit." + CLASSES.relativize(file).toString()
                        .replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, MeasureTextsTest.class.getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && !field.isSynthetic()
                            && (field.getType() == Measure.class || field.getType() == Guidance.class
                                    || field.getType() == LocalizedText.class)) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
        }
        return fields;
    }
}
