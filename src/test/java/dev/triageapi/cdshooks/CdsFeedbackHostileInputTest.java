package dev.triageapi.cdshooks;

import dev.triageapi.testing.Hostile;
import dev.triageapi.testing.HostileCorpus;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static dev.triageapi.testing.Hostile.utf8;
import static io.restassured.RestAssured.given;

/** The hostile corpus of the feedback endpoint: every malformed feedback is a 4xx problem, and nothing is kept. */
@QuarkusTest
class CdsFeedbackHostileInputTest extends HostileCorpus {

    static final String PATH = "/cds-services/muscle-weakness-triage/feedback";
    static final String ITEM = "{\"card\":\"9368d37b-283f-44a0-93ea-547cebab93ed\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-12-01T10:05:31Z\"}";

    static Stream<Arguments> bodies() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("empty object", utf8("{}")));
        cases.add(Arguments.of("feedback null", utf8("{\"feedback\":null}")));
        cases.add(Arguments.of("feedback empty", utf8("{\"feedback\":[]}")));
        cases.add(Arguments.of("feedback as an object", utf8("{\"feedback\":" + ITEM + "}")));
        cases.add(Arguments.of("a null item", utf8("{\"feedback\":[null]}")));
        cases.add(Arguments.of("an item as a string", utf8("{\"feedback\":[\"accepted\"]}")));
        cases.add(Arguments.of("no card", utf8("{\"feedback\":[" + ITEM.replace("\"card\":\"9368d37b-283f-44a0-93ea-547cebab93ed\",", "") + "]}")));
        cases.add(Arguments.of("outcome ignored", utf8("{\"feedback\":[" + ITEM.replace("overridden", "ignored") + "]}")));
        cases.add(Arguments.of("outcome as a number", utf8("{\"feedback\":[" + ITEM.replace("\"overridden\"", "1") + "]}")));
        cases.add(Arguments.of("timestamp that is no time", utf8("{\"feedback\":[" + ITEM.replace("2026-12-01T10:05:31Z", "yesterday") + "]}")));
        cases.add(Arguments.of("101 items", utf8("{\"feedback\":[" + String.join(",", Collections.nCopies(101, ITEM)) + "]}")));
        cases.add(Arguments.of("override reason as a string", utf8("{\"feedback\":[" + ITEM.replace("}", ",\"overrideReason\":\"no\"}") + "]}")));
        cases.add(Arguments.of("nested 3000 deep", utf8("{\"feedback\":[{\"overrideReason\":" + Hostile.nested("reason", 3000) + "}]}")));
        cases.add(Arguments.of("card of 40000 characters", utf8("{\"feedback\":[" + ITEM.replace("9368d37b-283f-44a0-93ea-547cebab93ed", "c".repeat(40000)) + "]}")));
        cases.add(Arguments.of("not JSON", utf8("feedback=accepted")));
        cases.add(Arguments.of("top-level array", utf8("[" + ITEM + "]")));
        return cases.stream();
    }

    @Override
    protected String path() {
        return PATH;
    }

    @Override
    protected String contentType() {
        return "application/json";
    }

    @Override
    protected void assertStillAnswers() {
        given().contentType("application/json").body(CdsExamples.FEEDBACK).when().post(PATH).then().statusCode(204);
    }
}
