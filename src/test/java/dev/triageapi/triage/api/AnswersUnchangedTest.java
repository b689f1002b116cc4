package dev.triageapi.triage.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.triageapi.testing.Loopback;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Refactoring guard: every vignette's request and the three doors' examples are answered exactly as recorded in
 * {@code src/test/resources/golden/answers.jsonl}, but for what differs on every call or with any edit of a rule file
 * (card ids, the rules version, resource ids and dates). A change of behaviour shows here as a diff per case; one meant
 * to change answers records them again with {@code ./mvnw verify -Dgolden.write=true} and shows the diff for review.
 */
@QuarkusTest
class AnswersUnchangedTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/answers.jsonl");
    private static final Path VIGNETTES = Path.of("src/test/resources/vignettes");
    private static final Set<String> VOLATILE = Set.of("uuid", "rulesVersion", "id", "date", "occurrenceDateTime", "lastUpdated");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAnswerEveryVignetteAndExampleAsRecorded() throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(VIGNETTES)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode request = JSON.readTree(Files.readString(file)).get("request");
            answers.put("vignette " + file.getFileName(), post("/api/v1/triage", "application/json", request.toString()));
        }
        answers.put("example questionnaire-response.json",
                post("/api/v1/triage/fhir", "application/fhir+json", Files.readString(Path.of("examples/questionnaire-response.json"))));
        answers.put("example observation-bundle.json",
                post("/api/v1/triage/fhir", "application/fhir+json", Files.readString(Path.of("examples/observation-bundle.json"))));
        answers.put("example encounter-start.json",
                post("/cds-services/muscle-weakness-triage", "application/json", Files.readString(Path.of("examples/encounter-start.json"))));

        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(GOLDEN.getParent());
            List<String> lines = new ArrayList<>();
            answers.forEach((name, answer) -> lines.add(JSON.createObjectNode().put("case", name).put("answer", answer).toString()));
            Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
            JsonNode entry = JSON.readTree(line);
            recorded.put(entry.get("case").asText(), entry.get("answer").asText());
        }
        assertEquals(recorded.keySet(), answers.keySet(), "the same cases as recorded");
        List<String> changed = new ArrayList<>();
        recorded.forEach((name, answer) -> {
            if (!answer.equals(answers.get(name))) {
                changed.add(name + "\n  was " + answer + "\n  now " + answers.get(name));
            }
        });
        if (!changed.isEmpty()) {
            fail(changed.size() + " answers changed:\n" + String.join("\n", changed.subList(0, Math.min(5, changed.size()))));
        }
    }

    private static String post(String path, String contentType, String body) throws IOException {
        JsonNode tree = Loopback.post(path, body, 200, "Content-Type", contentType, "Accept", "*/*");
        if (tree.isObject() && tree.path("resourceType").isTextual() && !tree.path("text").isMissingNode()) {
            ((ObjectNode) tree).remove("text"); // HAPI's narrative holds the same fields again
        }
        return normalise(tree).toString();
    }

    /** The answer without what differs on every call or with any edit of a rule file. */
    private static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> drop = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (VOLATILE.contains(field.getKey())) {
                    drop.add(field.getKey());
                } else {
                    field.setValue(normalise(field.getValue()));
                }
            }
            object.remove(drop);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normalise(array.get(i)));
            }
        } else if (node.isTextual() && node.asText().contains("sha256:")) {
            return new TextNode(node.asText().replaceAll("sha256:[0-9a-f…]+", "sha256:*"));
        }
        return node;
    }
}
