package dev.triageapi.parse.api;

/** The examples of the parse endpoint's OpenAPI document; {@code ParseResourceTest} checks them against live answers. */
public final class ParseExamples {

    private ParseExamples() {
    }

    public static final String ENGLISH_REQUEST = """
            {"text": "My left arm went weak suddenly an hour ago and my speech is slurred. No headache.", "language": "en"}""";

    public static final String SPANISH_REQUEST = """
            {"text": "Tengo fiebre desde ayer y el cuello muy rígido, no he vomitado.", "language": "es"}""";

    public static final String ENGLISH_RESPONSE = """
            {"language": "en", "request": {"symptoms": [{"code": "muscle_weakness", "status": "present", "onset": "sudden", "side": "left", "locations": ["arm"], "hoursSinceOnset": 1.0}, {"code": "difficulty_speaking", "status": "present", "onset": "sudden", "hoursSinceOnset": 1.0}, {"code": "headache", "status": "absent"}]}, "mentions": [
             {"start": 3, "end": 7, "text": "left", "kind": "modifier", "code": "side", "value": "left", "symptom": "muscle_weakness", "status": "present", "cue": null},
             {"start": 8, "end": 11, "text": "arm", "kind": "modifier", "code": "locations", "value": "arm", "symptom": "muscle_weakness", "status": "present", "cue": null},
             {"start": 17, "end": 21, "text": "weak", "kind": "symptom", "code": "muscle_weakness", "value": null, "symptom": null, "status": "present", "cue": null},
             {"start": 22, "end": 30, "text": "suddenly", "kind": "modifier", "code": "onset", "value": "sudden", "symptom": "muscle_weakness", "status": "present", "cue": null},
             {"start": 31, "end": 42, "text": "an hour ago", "kind": "modifier", "code": "hoursSinceOnset", "value": "1", "symptom": "muscle_weakness", "status": "present", "cue": null},
             {"start": 50, "end": 67, "text": "speech is slurred", "kind": "symptom", "code": "difficulty_speaking", "value": null, "symptom": null, "status": "present", "cue": null},
             {"start": 72, "end": 80, "text": "headache", "kind": "symptom", "code": "headache", "value": null, "symptom": null, "status": "absent", "cue": {"start": 69, "end": 71, "text": "No", "kind": "negation"}}],
             "unrecognized": [], "unused": [],
             "disclaimer": "This answer comes from automated rules and is general information only. It is not medical advice and not a diagnosis, and it does not replace a doctor, nurse or other health professional. If you think this may be an emergency, call 911 (or your local emergency number) now."}""";

    public static final String SPANISH_RESPONSE = """
            {"language": "es", "request": {"symptoms": [{"code": "fever", "status": "present", "hoursSinceOnset": 12.0}, {"code": "neck_stiffness", "status": "present", "hoursSinceOnset": 12.0}, {"code": "vomiting", "status": "absent"}]}, "mentions": [
             {"start": 6, "end": 12, "text": "fiebre", "kind": "symptom", "code": "fever", "value": null, "symptom": null, "status": "present", "cue": null},
             {"start": 13, "end": 23, "text": "desde ayer", "kind": "modifier", "code": "hoursSinceOnset", "value": "12", "symptom": "fever", "status": "present", "cue": null},
             {"start": 26, "end": 35, "text": "el cuello", "kind": "modifier", "code": "locations", "value": "neck", "symptom": null, "status": "unknown", "cue": null},
             {"start": 26, "end": 46, "text": "el cuello muy rígido", "kind": "symptom", "code": "neck_stiffness", "value": null, "symptom": null, "status": "present", "cue": null},
             {"start": 54, "end": 62, "text": "vomitado", "kind": "symptom", "code": "vomiting", "value": null, "symptom": null, "status": "absent", "cue": {"start": 48, "end": 53, "text": "no he", "kind": "negation"}}],
             "unrecognized": [], "unused": [],
             "disclaimer": "Esta respuesta proviene de reglas automáticas y es solo información general. No es un consejo médico ni un diagnóstico, y no reemplaza a un médico, una enfermera u otro profesional de la salud. Si cree que puede tratarse de una emergencia, llame ahora mismo al 911 (o al número de emergencias de su localidad)."}""";

    public static final String BLANK_TEXT_PROBLEM = """
            {"type": "urn:problem-type:triage:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "The request breaks a rule of the contract; see errors.",
             "errors": [{"field": "text", "message": "must not be blank"}]}""";

    public static final String TEXT_TOO_LONG_PROBLEM = """
            {"type": "urn:problem-type:triage:text-too-long", "title": "Text too long", "status": 413,
             "detail": "A text in the body is longer than 2000 characters; send at most 2000."}""";
}
