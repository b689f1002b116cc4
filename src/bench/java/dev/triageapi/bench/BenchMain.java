package dev.triageapi.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code ./mvnw -Pbench test-compile exec:exec@jmh}: plain JMH, with the results also written as JSON to
 * {@code target/jmh-result.json} unless other result options are given. Arguments are JMH's own (benchmark regexes,
 * {@code -p symptoms=5}, {@code -prof gc}, ...); {@code -h} lists them.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jmh = new ArrayList<>(List.of(args));
        if (!jmh.contains("-rf") && !jmh.contains("-rff") && !jmh.contains("-h") && !jmh.contains("-l")) {
            jmh.addAll(List.of("-rf", "json", "-rff", "target/jmh-result.json"));
        }
        org.openjdk.jmh.Main.main(jmh.toArray(String[]::new));
    }
}
