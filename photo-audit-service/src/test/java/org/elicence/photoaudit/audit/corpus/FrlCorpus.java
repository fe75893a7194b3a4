package org.elicence.photoaudit.audit.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Face Research Lab London photos committed under src/test/resources/corpus/frl-london (CC BY 4.0, see its
 * README): labels.csv plus each person's neutral .tem landmarks, read from the classpath, and the split of
 * PEOPLE into calibration and held-out.
 *
 * <p>Split: people are grouped by sex x origin, sorted by id within a group, and every third person (index 2,
 * 5, 8, ...) is held out; a group of exactly two holds out its second person, so that small groups appear on
 * both sides; a group of one stays in calibration. Both photos of a person are always in the same split.
 */
public final class FrlCorpus {

    public static final String ROOT = "/corpus/frl-london/";

    public enum Split {
        CALIBRATION, HELD_OUT;

        public String label() {
            return this == CALIBRATION ? "calibration" : "held-out";
        }
    }

    /** One labelled photo. {@code expectedFail} is the reviewer's violated_rules (empty: expected PASS). */
    public record Photo(String file, String person, String expression, String label, Set<String> expectedFail,
            String subject, String sex, String origin, Split split) {

        public boolean compliant() {
            return expectedFail.isEmpty();
        }
    }

    private final List<Photo> photos;

    private FrlCorpus(List<Photo> photos) {
        this.photos = List.copyOf(photos);
    }

    /** Reads labels.csv from the classpath and assigns the split. */
    public static FrlCorpus load() {
        List<String[]> rows = new ArrayList<>();
        String[] lines = new String(resource("labels.csv"), StandardCharsets.UTF_8).split("\\R");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(csvFields(lines[i]));
            }
        }
        Map<String, String> subjectOfPerson = new TreeMap<>();
        rows.forEach(r -> subjectOfPerson.putIfAbsent(r[1], r[5]));
        Map<String, Split> splits = split(subjectOfPerson);
        List<Photo> photos = rows.stream().map(r -> {
            String[] subject = r[5].split(",\\s*");
            return new Photo(r[0], r[1], r[2], r[3], rules(r[4]), r[5], subject[0], subject[2], splits.get(r[1]));
        }).toList();
        return new FrlCorpus(photos);
    }

    static Map<String, Split> split(Map<String, String> subjectOfPerson) {
        Map<String, List<String>> groups = new TreeMap<>();
        subjectOfPerson.forEach((person, subject) -> {
            String[] s = subject.split(",\\s*");
            groups.computeIfAbsent(s[0] + "/" + s[2], g -> new ArrayList<>()).add(person);
        });
        Map<String, Split> splits = new TreeMap<>();
        for (List<String> people : groups.values()) {
            people.sort(Comparator.naturalOrder());
            for (int i = 0; i < people.size(); i++) {
                boolean heldOut = people.size() == 2 ? i == 1 : i % 3 == 2;
                splits.put(people.get(i), heldOut ? Split.HELD_OUT : Split.CALIBRATION);
            }
        }
        return splits;
    }

    public List<Photo> photos() {
        return photos;
    }

    /** The people of a split, sorted by id. */
    public List<String> people(Split split) {
        return photos.stream().filter(p -> p.split() == split).map(Photo::person).distinct().sorted().toList();
    }

    public Photo photo(String person, String expression) {
        return photos.stream().filter(p -> p.person().equals(person) && p.expression().equals(expression))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(person + " " + expression));
    }

    /** Neutral photos without any violation of their own: the bases for the generated single violations. */
    public List<Photo> compliantNeutralBases() {
        return photos.stream().filter(p -> p.expression().equals("neutral") && p.compliant()).toList();
    }

    public byte[] jpeg(Photo photo) {
        return resource(photo.file());
    }

    /** The neutral photo's hand-placed landmarks (the set has .tem files for the neutral photos only). */
    public TemLandmarks landmarks(String person) {
        return TemLandmarks.parse(new String(resource("frl_" + person + "_neutral.tem"), StandardCharsets.UTF_8));
    }

    /** People per "sex/origin" group, for the docs. */
    public Map<String, List<String>> peopleByGroup() {
        Map<String, List<String>> groups = new TreeMap<>();
        photos.stream().filter(p -> p.expression().equals("neutral"))
                .forEach(p -> groups.computeIfAbsent(p.sex() + "/" + p.origin(), g -> new ArrayList<>()).add(p.person()));
        return groups;
    }

    static Set<String> rules(String field) {
        return Arrays.stream(field.split("[;\\s]+")).filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Splits one CSV line, honouring double quotes (the label and subject columns contain commas). */
    static String[] csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

    static byte[] resource(String name) {
        try (InputStream in = FrlCorpus.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Split of every person, in id order (for the docs). */
    public Map<String, Split> splitOfPeople() {
        Map<String, Split> m = new LinkedHashMap<>();
        photos.stream().sorted(Comparator.comparing(Photo::person)).forEach(p -> m.putIfAbsent(p.person(), p.split()));
        return m;
    }
}
