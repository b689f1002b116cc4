package dev.triageapi.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A language the service reads patients' words in (BCP 47 primary tags). */
public enum Language {
    EN,
    ES;

    /** The tag on the wire: {@code en}, {@code es}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }

    /**
     * The language an {@code Accept-Language} header asks for: RFC 4647 lookup over its ranges by their q-values
     * (RFC 9110), English when none is supported or the header does not parse.
     */
    public static Language negotiate(List<String> acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isEmpty()) {
            return EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(String.join(",", acceptLanguage));
            String tag = Locale.lookupTag(ranges, Arrays.stream(values()).map(Language::code).toList());
            return tag == null ? EN : byCode(tag.toLowerCase(Locale.ROOT)).orElse(EN);
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
    }
}
