package dev.cartera.core.dedupe;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Comparable forms of company and person names: no accents, case, punctuation or Spanish legal
 * forms, so "Frutas García, S.L." and "FRUTAS GARCIA SL" are the same key, and a fuzzy score
 * (Jaro-Winkler on those keys) for the near misses people type.
 */
public final class Names {
    public static final int MAX_KEY = 200;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /**
     * Legal forms as word sequences after punctuation is gone: "S.L.U." is "s l u", "S.Coop." is
     * "s coop". Longest first, so "s l u" is not read as "s l" plus a stray "u".
     */
    private static final List<List<String>> LEGAL_FORMS = List.of(
            List.of("sociedad", "limitada", "unipersonal"), List.of("sociedad", "anonima", "unipersonal"),
            List.of("sociedad", "limitada", "laboral"), List.of("sociedad", "anonima", "laboral"),
            List.of("sociedad", "limitada", "nueva", "empresa"),
            List.of("sociedad", "limitada"), List.of("sociedad", "anonima"), List.of("sociedad", "cooperativa"),
            List.of("sociedad", "civil"), List.of("comunidad", "de", "bienes"),
            List.of("s", "l", "n", "e"), List.of("s", "l", "u"), List.of("s", "a", "u"), List.of("s", "l", "l"),
            List.of("s", "a", "l"), List.of("s", "coop", "and"), List.of("s", "coop", "v"), List.of("s", "coop"),
            List.of("s", "l"), List.of("s", "a"), List.of("s", "c"), List.of("c", "b"), List.of("a", "i", "e"),
            List.of("slne"), List.of("slu"), List.of("sau"), List.of("sll"), List.of("sal"), List.of("scoop"),
            List.of("coop"), List.of("sl"), List.of("sa"), List.of("sc"), List.of("cb"), List.of("aie"),
            List.of("ltd"), List.of("llc"), List.of("inc"), List.of("gmbh"), List.of("sarl"), List.of("srl"));
    private static final Set<String> LEGAL_FORM_STARTS = LEGAL_FORMS.stream().map(form -> form.get(0))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> FILLER = Set.of("y", "i", "and", "e");

    private Names() {
    }

    /** Lower case, accents removed, punctuation as single spaces, trimmed; null stays null. */
    public static String fold(String raw) {
        if (raw == null) {
            return null;
        }
        String latin1 = foldLatin1(raw);
        return latin1 != null ? latin1 : foldUnicode(raw);
    }

    /** The general {@link #fold}: decomposed, marks dropped, a few letters spelled out, punctuation as spaces. */
    static String foldUnicode(String raw) {
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('ß', 's').replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ł", "l");
        return NOT_ALNUM.matcher(plain).replaceAll(" ").strip();
    }

    /**
     * {@link #fold} of each Latin-1 character, as {@link #foldUnicode} gives it: "á" is "a", "Æ" is "ae", "ª" and
     * other marks are "" (a gap between words). Spanish and Catalan names are Latin-1, and folding each character
     * alone is the same as folding the text: their decompositions and lower cases do not depend on neighbours.
     */
    private static final String[] LATIN1 = new String[0x100];

    static {
        for (char c = 0; c < LATIN1.length; c++) {
            LATIN1[c] = foldUnicode(String.valueOf(c));
        }
    }

    /**
     * {@link #fold} of a Latin-1 text in one pass, without the Unicode normaliser and the two regular expressions
     * (a tenth of an imported row's cost); null when the text has other characters.
     */
    private static String foldLatin1(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean gap = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= LATIN1.length) {
                return null;
            }
            String folded = LATIN1[c];
            if (folded.isEmpty()) {
                gap = true;
                continue;
            }
            if (gap && out.length() > 0) {
                out.append(' ');
            }
            gap = false;
            out.append(folded);
        }
        return out.toString();
    }

    /**
     * The key of a company name: folded, legal forms removed wherever they stand, "&" and "y"
     * between words ignored. Null when nothing is left.
     */
    public static String companyKey(String raw) {
        String folded = fold(raw == null ? null : raw.replace("&", " "));
        if (folded == null || folded.isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>(List.of(folded.split(" ")));
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int skip = legalFormAt(words, i);
            if (skip > 0 && !(kept.isEmpty() && i + skip == words.size())) {
                i += skip;
                continue;
            }
            kept.add(words.get(i));
            i++;
        }
        kept.removeIf(FILLER::contains);
        String key = String.join(" ", kept);
        return cap(key.isEmpty() ? folded : key);
    }

    /** The key of a person's name: folded words in the order given. */
    public static String personKey(String firstName, String lastName) {
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
        String folded = fold(joined);
        return folded == null || folded.isEmpty() ? null : cap(folded);
    }

    /** Keys are stored and indexed; a name longer than any column holds is cut at {@value #MAX_KEY} characters. */
    private static String cap(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY).strip();
    }

    /** Similarity of two keys in [0, 1]; 0 when either is missing. Symmetric. */
    public static double similarity(String keyA, String keyB) {
        if (keyA == null || keyB == null || keyA.isEmpty() || keyB.isEmpty()) {
            return 0;
        }
        if (keyA.equals(keyB)) {
            return 1;
        }
        double direct = JARO_WINKLER.apply(keyA, keyB);
        double reversed = JARO_WINKLER.apply(keyB, keyA);
        return Math.max(direct, reversed);
    }

    private static int legalFormAt(List<String> words, int at) {
        if (!LEGAL_FORM_STARTS.contains(words.get(at))) {
            return 0;
        }
        for (List<String> form : LEGAL_FORMS) {
            if (at + form.size() <= words.size() && words.subList(at, at + form.size()).equals(form)) {
                return form.size();
            }
        }
        return 0;
    }
}
