package dev.triageapi.text;

import dev.triageapi.text.Tokens.Token;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lexicon's phrases as a trie of analysed words, matched longest first ("not only" before "not", "can't move"
 * before "can't"). A misspelt word of five letters or more, its first letter kept or one that sounds alike (one
 * edit; two from eight letters), still reaches a symptom, risk factor or pregnancy phrase, never a cue: a typo may add
 * a question, never a "no". A text makes at most {@link #TYPO_LOOKUPS} such look-ups.
 */
final class PhraseIndex {

    /** What a matched phrase is. */
    enum Role {
        SYMPTOM, NORMAL, PAIR_FIRST, PAIR_SECOND, RISK_FACTOR, PREGNANCY, UNDER_TREATMENT, SEX, SEX_FORM, SEX_THIRD, SELF, FIRST_PERSON, MODIFIER,
        NUMBER, HALF, UNIT, AGO, SINCE, DURATION, AGE_BEFORE, AGE_BEFORE_ANY_UNIT, AGE_AFTER,
        NEGATION_BEFORE, NEGATION_AFTER, NEGATION_CANCEL, LIST_OR, LIST_AND, PSEUDO, UNCERTAINTY_BEFORE, UNCERTAINTY_AFTER,
        RELATIVE, FAMILY_VERB, OTHER_BEFORE, OTHER_AFTER, HISTORICAL_BEFORE, HISTORICAL_AFTER,
        TERMINATION, CLAUSE_START, ALL, FILLER, WELL_AFTER, BACK_REFERENCE, PASSING_CAUSE;

        boolean concept() {
            return this == SYMPTOM || this == NORMAL || this == RISK_FACTOR || this == PREGNANCY || this == UNDER_TREATMENT;
        }

        /** The cues of someone else's or a past history, which are listed word for word. */
        boolean someoneElse() {
            return this == RELATIVE || this == FAMILY_VERB || this == OTHER_BEFORE || this == OTHER_AFTER
                    || this == HISTORICAL_BEFORE || this == HISTORICAL_AFTER;
        }

        /**
         * Whether a misspelt word may reach this meaning: concepts and the parts of a two-part symptom, never a cue nor
         * a "normal" phrase (which reads as a "no").
         */
        boolean typoMayReach() {
            return concept() && this != NORMAL || this == PAIR_FIRST || this == PAIR_SECOND;
        }
    }

    /** One meaning of a phrase: its role, the code it names, and a value (a modifier's, a unit's hours). */
    record Entry(Role role, String code, String value, double number, Map<String, List<String>> implied) {
        Entry(Role role, String code, String value) {
            this(role, code, value, 0, Map.of());
        }
    }

    /** A phrase found in the text: tokens {@code from} (inclusive) to {@code to} (exclusive), and its meanings. */
    record Match(int from, int to, List<Entry> entries, Set<Role> roles) {
        Match(int from, int to, List<Entry> entries) {
            this(from, to, entries, roles(entries));
        }

        // Asked many times a unit on every request: the roles are gathered once, not streamed each time.
        private static Set<Role> roles(List<Entry> entries) {
            Set<Role> out = EnumSet.noneOf(Role.class);
            entries.forEach(e -> out.add(e.role()));
            return out;
        }

        boolean has(Role role) {
            return roles.contains(role);
        }

        boolean concept() {
            return roles.stream().anyMatch(Role::concept);
        }

        Entry first(Role role) {
            return entries.stream().filter(e -> e.role() == role).findFirst().orElse(null);
        }
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Entry> entries = new ArrayList<>();
        /** Child words by length and first letter ({@link #bucket}), for the typo search. */
        final Map<Integer, List<String>> byStart = new HashMap<>();
    }

    private final Node root = new Node();
    /** Other spellings of a word, by word: a phrase with "can't" also matches with "couldn't", "cannot"... */
    private final Map<String, List<String>> variants = new HashMap<>();
    private final Set<String> knownWords = new HashSet<>();
    private final Tokens tokens;
    /** Analysed words by which a complaint's phrase says it with its own "no" ({@link Lexicon.Cues#ownNegation()}). */
    private final Set<String> ownNegation = new HashSet<>();

    PhraseIndex(Tokens tokens) {
        this.tokens = tokens;
    }

    /** Lets every phrase holding {@code word} match with each of {@code others} in its place. */
    void variants(String word, List<String> others) {
        variants.put(word, others);
    }

    void add(String phrase, Entry entry) {
        addOne(phrase, entry);
        if (entry.role().someoneElse()) {
            return; // listed word for word: "in my family" must not become "in the family"
        }
        String padded = " " + phrase + " ";
        variants.forEach((word, others) -> {
            if (padded.contains(" " + word + " ")) {
                others.forEach(other -> addOne(padded.replace(" " + word + " ", " " + other + " ").trim(), entry));
            }
        });
    }

    private void addOne(String phrase, Entry entry) {
        List<String> terms = tokens.terms(phrase);
        if (terms.isEmpty()) {
            throw new IllegalStateException("the phrase '" + phrase + "' has no words");
        }
        Node node = root;
        for (String term : terms) {
            knownWords.add(term);
            Node next = node.children.get(term);
            if (next == null) {
                next = new Node();
                node.children.put(term, next);
                node.byStart.computeIfAbsent(bucket(term.length(), term.charAt(0)), k -> new ArrayList<>()).add(term);
            }
            node = next;
        }
        if (!node.entries.contains(entry)) {
            node.entries.add(entry);
        }
    }

    void ownNegation(List<String> words) {
        words.forEach(w -> ownNegation.addAll(tokens.terms(w)));
    }

    /** Whether this analysed word, inside a complaint's phrase, says the complaint with its own "no". */
    boolean saysNo(String term) {
        return ownNegation.contains(term) || single(term).stream().anyMatch(e -> e.role() == Role.NEGATION_BEFORE);
    }

    /** The meanings of one analysed word on its own (a body part inside a symptom's phrase). */
    List<Entry> single(String term) {
        Node node = root.children.get(term);
        return node == null ? List.of() : node.entries;
    }

    /** Most typo look-ups one text may make: a text of made-up words costs a bounded amount. */
    static final int TYPO_LOOKUPS = 400;

    /** The longest phrase starting at token {@code from}, or null. Phrases do not run across a sentence's end. */
    Match longest(List<Token> text, int from, int[] typoBudget) {
        Match best = null;
        Node node = root;
        boolean fuzzy = false;
        for (int j = from; j < text.size(); j++) {
            Token token = text.get(j);
            if (j > from && token.sentenceBefore()) {
                break;
            }
            Node next = node.children.get(token.term());
            if (next == null && typoBudget[0] > 0 && typoCandidate(token.term())) {
                typoBudget[0]--;
                next = nearest(node, token.term());
                fuzzy |= next != null;
            }
            if (next == null) {
                break;
            }
            node = next;
            List<Entry> entries = fuzzy ? node.entries.stream().filter(e -> e.role().typoMayReach()).toList() : node.entries;
            if (!entries.isEmpty()) {
                best = new Match(from, j + 1, List.copyOf(entries));
            }
        }
        return best;
    }

    private boolean typoCandidate(String term) {
        if (term.length() < 5 || knownWords.contains(term)) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isLetter(term.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The child word one edit away whose start a misspelling could give (two edits for words of eight letters or more,
     * which the stemmer may have cut: "numbnes" reaches "numbness"), the alphabetically first on a tie.
     */
    private static Node nearest(Node node, String term) {
        String best = null;
        int bestDistance = 3;
        char first = term.charAt(0);
        for (char start : starts(term)) {
            for (int length = term.length() - 2; length <= term.length() + 2; length++) {
                for (String candidate : node.byStart.getOrDefault(bucket(length, start), List.of())) {
                    if (candidate.length() < 5 || start == 'h' && first != 'h' && candidate.charAt(1) != first) {
                        continue; // a silent h may be left out before the word's own first letter only
                    }
                    int allowed = term.length() >= 6 && candidate.length() >= 8 ? 2 : 1;
                    int d = distance(term, candidate, allowed);
                    if (d > allowed) {
                        continue;
                    }
                    if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                        best = candidate;
                        bestDistance = d;
                    }
                }
            }
        }
        return best == null ? null : node.children.get(best);
    }

    private static int bucket(int length, char start) {
        return length << 16 | start;
    }

    /**
     * The first letters a misspelling of {@code term} may have kept: its own, one that sounds alike (b/v, c/k/s/z,
     * g/j), a silent h the patient left out ("ablar", "ormigueo"), or the letter after an h added ("hunbnes").
     * "Sitting" is no "fitting".
     */
    private static char[] starts(String term) {
        char t = term.charAt(0);
        String alike = switch (t) {
            case 'b' -> "v";
            case 'v' -> "b";
            case 'c' -> "ksz";
            case 'k' -> "c";
            case 's' -> "cz";
            case 'z' -> "cs";
            case 'g' -> "j";
            case 'j' -> "g";
            default -> "";
        };
        String out = t + alike + (t == 'h' ? "" + term.charAt(1) : "h");
        return out.toCharArray();
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), or {@code limit + 1} past it. */
    static int distance(String a, String b, int limit) {
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = previous2;
            previous2 = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
