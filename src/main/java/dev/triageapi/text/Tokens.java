package dev.triageapi.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lucene's analysis of one language: Unicode word breaking (UAX #29), lower case, accent folding and a light
 * plural/gender stemmer, so "Débil", "debiles" and "débil" meet, and "arms" meets "arm". The same analysis reads the
 * lexicon's phrases and the patient's text, so a phrase matches whatever accents or plural the patient typed.
 */
final class Tokens {

    /** One word of the text: its analysed form, where it is, and whether a sentence ended before it. */
    record Token(String term, int start, int end, boolean sentenceBefore, boolean commaBefore) {
    }

    private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];

    private final Analyzer analyzer;

    Tokens(String language) {
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                stream = language.equals("es") ? new SpanishLightStemFilter(stream) : new EnglishMinimalStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /**
     * A full stop, question or exclamation mark typed with no space before the next word ("headache.My arm"): Unicode
     * word breaking keeps the two words as one, so the mark is read as a semicolon, which has the same length (the
     * offsets stay the text's) and ends the sentence. "y.o" and "e.g" keep their single letters together.
     */
    private static final Pattern JOINED_SENTENCES = Pattern.compile("(?<=\\p{L}\\p{L})[.!?](?=\\p{L}\\p{L})");

    /** The words of a text, in order. An emoji is no word: it ends a sentence, as a full stop would. */
    List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        String read = JOINED_SENTENCES.matcher(text).replaceAll(";");
        try (TokenStream stream = analyzer.tokenStream("text", new StringReader(read))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            int previousEnd = 0;
            boolean emojiBefore = false;
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                if (EMOJI.equals(type.type())) {
                    emojiBefore = true;
                    continue;
                }
                out.add(new Token(term.toString(), start, offset.endOffset(),
                        !out.isEmpty() && (emojiBefore || sentenceEnds(read, previousEnd, start)),
                        !out.isEmpty() && comma(read, previousEnd, start)));
                previousEnd = offset.endOffset();
                emojiBefore = false;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return out;
    }

    /** The analysed words of a lexicon phrase. */
    List<String> terms(String phrase) {
        return of(phrase).stream().map(Token::term).toList();
    }

    private static boolean comma(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ':' || c == '(' || c == ')' || c == '-' || c == '/') {
                return true;
            }
        }
        return false;
    }

    private static boolean sentenceEnds(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\u3002' || c == '\u00a1' || c == '\u00bf'
                    || c == '\u2026' || c == '\u2014' || c == '\u2022' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
