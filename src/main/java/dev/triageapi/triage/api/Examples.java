package dev.triageapi.triage.api;

/** Request and response examples for the OpenAPI document, kept in one place. */
public final class Examples {

    private Examples() {
    }

    public static final String STROKE_REQUEST = """
            {"age": 71, "sex": "male",
             "symptoms": [
               {"code": "muscle_weakness", "onset": "sudden", "side": "left", "locations": ["face", "arm"], "severity": "moderate", "hoursSinceOnset": 1.5},
               {"code": "difficulty_speaking", "onset": "sudden"}],
             "riskFactors": ["diabetes"],
             "underTreatment": false}""";

    public static final String TIREDNESS_REQUEST = """
            {"age": 34,
             "symptoms": [
               {"code": "fatigue", "severity": "mild", "hoursSinceOnset": 72},
               {"code": "muscle_weakness", "status": "absent"}],
             "underTreatment": false}""";

    public static final String CRAMPS_REQUEST = """
            {"age": 58,
             "symptoms": [
               {"code": "muscle_cramps", "onset": "gradual", "hoursSinceOnset": 240},
               {"code": "muscle_weakness", "onset": "gradual", "side": "both", "locations": ["leg"], "severity": "mild", "hoursSinceOnset": 240}],
             "riskFactors": ["diuretic_use"]}""";

    public static final String EXERCISE_SORENESS_REQUEST = """
            {"age": 27, "sex": "female", "pregnancy": "not_pregnant",
             "symptoms": [
               {"code": "muscle_pain", "onset": "gradual", "hoursSinceOnset": 40, "severity": "moderate", "worsening": false, "trigger": "exercise", "side": "both", "locations": ["thigh"]},
               {"code": "dark_urine", "status": "absent"},
               {"code": "fever", "status": "absent"},
               {"code": "numbness", "status": "absent"}],
             "absentRiskFactors": ["statin_use"]}""";

    public static final String VITALS_REQUEST = """
            {"age": 70, "sex": "female",
             "symptoms": [
               {"code": "muscle_weakness", "onset": "gradual", "hoursSinceOnset": 48},
               {"code": "fatigue", "onset": "gradual", "hoursSinceOnset": 48}],
             "vitals": {"respiratoryRate": 26, "oxygenSaturation": 91, "onSupplementalOxygen": false, "systolicBloodPressure": 98,
                        "heartRate": 118, "temperature": 37.9, "consciousness": "alert", "bloodGlucose": 6.2}}""";

    public static final String LABS_REQUEST = """
            {"age": 68, "sex": "male",
             "symptoms": [{"code": "muscle_weakness", "onset": "gradual", "hoursSinceOnset": 36, "side": "both"}],
             "riskFactors": ["chronic_kidney_disease"],
             "labs": {"potassium": 6.8, "sodium": 136, "calcium": 2.31, "creatineKinase": 180}}""";

    public static final String INTERVIEW_REQUEST = """
            {"age": 45, "sex": "male",
             "symptoms": [
               {"code": "muscle_weakness", "locations": ["leg"]}],
             "answers": [
               {"question": "modifier:muscle_weakness.onset", "answer": "gradual"},
               {"question": "modifier:muscle_weakness.spread", "answer": "none"},
               {"question": "symptom:difficulty_breathing", "answer": "no"},
               {"question": "symptom:saddle_numbness", "answer": "unknown"}]}""";

    /** The answer to {@link #INTERVIEW_REQUEST}, as the service gave it (without the trace). */
    public static final String INTERVIEW_RESPONSE = """
            {"urgency": "consultation", "advice": "Make an appointment with your doctor in the coming days so they can look for the cause. Seek care sooner if it gets worse, and call 911 if sudden weakness on one side, trouble speaking, trouble breathing or trouble swallowing appear.", "redFlags": [], "reasons": ["A doctor should look for the cause of the reported symptoms."], "causeGroups": [], "missingInformation": [], "screenQuestions": [], "interview": {"complete": false, "next": {"id": "symptom:difficulty_swallowing", "text": "Do you have trouble swallowing?", "subject": "symptom", "symptom": "difficulty_swallowing", "modifier": null, "riskFactor": null, "answerType": "choice", "options": [{"answer": "yes", "label": "Yes"}, {"answer": "no", "label": "No"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "emergency_ambulance", "couldLowerTo": null, "lowersWith": null}, "questions": [{"id": "symptom:difficulty_swallowing", "text": "Do you have trouble swallowing?", "subject": "symptom", "symptom": "difficulty_swallowing", "modifier": null, "riskFactor": null, "answerType": "choice", "options": [{"answer": "yes", "label": "Yes"}, {"answer": "no", "label": "No"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "emergency_ambulance", "couldLowerTo": null, "lowersWith": null}, {"id": "symptom:difficulty_speaking", "text": "Do you have trouble speaking or is your speech slurred?", "subject": "symptom", "symptom": "difficulty_speaking", "modifier": null, "riskFactor": null, "answerType": "choice", "options": [{"answer": "yes", "label": "Yes"}, {"answer": "no", "label": "No"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "emergency_ambulance", "couldLowerTo": null, "lowersWith": null}, {"id": "symptom:confusion", "text": "Are you confused or having trouble thinking clearly?", "subject": "symptom", "symptom": "confusion", "modifier": null, "riskFactor": null, "answerType": "choice", "options": [{"answer": "yes", "label": "Yes"}, {"answer": "no", "label": "No"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "emergency_ambulance", "couldLowerTo": null, "lowersWith": null}, {"id": "symptom:numbness", "text": "Do you have numbness or loss of feeling anywhere in your body?", "subject": "symptom", "symptom": "numbness", "modifier": null, "riskFactor": null, "answerType": "choice", "options": [{"answer": "yes", "label": "Yes"}, {"answer": "no", "label": "No"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "emergency_ambulance", "couldLowerTo": null, "lowersWith": null}, {"id": "modifier:muscle_weakness.worsening", "text": "About your muscle weakness: Is it getting worse?", "subject": "modifier", "symptom": "muscle_weakness", "modifier": "worsening", "riskFactor": null, "answerType": "choice", "options": [{"answer": "yes", "label": "Yes"}, {"answer": "no", "label": "No"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "emergency", "couldLowerTo": null, "lowersWith": null}, {"id": "symptom:bladder_or_bowel_problems", "text": "Do you have new trouble passing urine, or new leaking of urine or stool?", "subject": "symptom", "symptom": "bladder_or_bowel_problems", "modifier": null, "riskFactor": null, "answerType": "choice", "options": [{"answer": "yes", "label": "Yes"}, {"answer": "no", "label": "No"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "emergency", "couldLowerTo": null, "lowersWith": null}, {"id": "modifier:muscle_weakness.side", "text": "About your muscle weakness: Which side of the body?", "subject": "modifier", "symptom": "muscle_weakness", "modifier": "side", "riskFactor": null, "answerType": "choice", "options": [{"answer": "left", "label": "Left"}, {"answer": "right", "label": "Right"}, {"answer": "both", "label": "Both sides"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "consultation_24", "couldLowerTo": null, "lowersWith": null}, {"id": "modifier:muscle_weakness.severity", "text": "About your muscle weakness: How bad is it?", "subject": "modifier", "symptom": "muscle_weakness", "modifier": "severity", "riskFactor": null, "answerType": "choice", "options": [{"answer": "mild", "label": "Mild"}, {"answer": "moderate", "label": "Moderate"}, {"answer": "severe", "label": "Severe"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "consultation_24", "couldLowerTo": null, "lowersWith": null}], "unresolved": [{"id": "symptom:saddle_numbness", "text": "Is there numbness around your bottom, your genitals or your inner thighs?", "subject": "symptom", "symptom": "saddle_numbness", "modifier": null, "riskFactor": null, "answerType": "choice", "options": [{"answer": "yes", "label": "Yes"}, {"answer": "no", "label": "No"}, {"answer": "unknown", "label": "I don't know"}], "couldRaiseTo": "emergency", "couldLowerTo": null, "lowersWith": null}]}, "selfCare": null, "unused": [], "rulesVersion": "sha256:b25daf…", "disclaimer": "This answer comes from automated rules and is general information only. It is not medical advice and not a diagnosis, and it does not replace a doctor, nurse or other health professional. If you think this may be an emergency, call 911 (or your local emergency number) now."}""";

    public static final String STROKE_RESPONSE = """
            {"urgency": "emergency_ambulance",
             "advice": "Call 911 now for an ambulance. Do not drive yourself. Note the time the symptoms started, or when the person was last known to be well: every minute counts.",
             "redFlags": [
               {"code": "stroke_sudden_confusion_or_speech_trouble", "label": "Sudden confusion, trouble speaking or trouble understanding others (possible stroke)", "urgency": "emergency_ambulance", "source": "Source article 'Muscle Weakness: Causes, Treatments, and More' (medically reviewed, 2022-05-30): life-threatening symptoms; CDC stroke signs (BE-FAST) as listed in the source article", "evidence": ["difficulty_speaking"]},
               {"code": "stroke_sudden_one_sided_weakness", "label": "Sudden weakness, numbness or paralysis of the face, an arm or a leg, especially on one side (possible stroke)", "urgency": "emergency_ambulance", "source": "Source article 'Muscle Weakness: Causes, Treatments, and More' (medically reviewed, 2022-05-30): life-threatening symptoms; CDC stroke signs (BE-FAST) as listed in the source article", "evidence": ["muscle_weakness"]}],
             "reasons": ["Sudden confusion, trouble speaking or trouble understanding others (possible stroke)", "Sudden weakness, numbness or paralysis of the face, an arm or a leg, especially on one side (possible stroke)"],
             "causeGroups": [
               {"code": "neurological", "label": "Neurological",
                "conditions": [
                  {"code": "stroke", "name": "Stroke", "serious": true, "evidence": ["difficulty_speaking", "muscle_weakness"]},
                  {"code": "bells_palsy", "name": "Bell's palsy", "serious": false, "evidence": ["muscle_weakness"]}],
                "evidence": ["difficulty_speaking", "muscle_weakness"]}],
             "missingInformation": [],
             "screenQuestions": [],
             "interview": {"complete": true, "next": null, "questions": [], "unresolved": []},
             "selfCare": null,
             "unused": [],
             "trace": [
               {"rule": "Sudden weakness, numbness or paralysis of the face, an arm or a leg is a stroke sign", "file": "rules/emergency/stroke.drl", "line": 18, "source": "Source article, life-threatening symptoms; CDC stroke signs (BE-FAST: face, arm)", "matched": ["muscle_weakness"], "decisive": true}],
             "rulesVersion": "sha256:0f5e2c…",
             "disclaimer": "This answer comes from automated rules and is general information only. It is not medical advice and not a diagnosis, and it does not replace a doctor, nurse or other health professional. If you think this may be an emergency, call 911 (or your local emergency number) now."}""";

    public static final String INVALID_CODE_PROBLEM = """
            {"type": "urn:problem-type:triage:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "The request breaks a rule of the contract; see errors.",
             "errors": [{"field": "symptoms[0].code", "message": "unknown symptom code 'weak_arm'; see GET /api/v1/symptoms"}]}""";

    public static final String MALFORMED_JSON_PROBLEM = """
            {"type": "urn:problem-type:triage:malformed-json", "title": "Malformed JSON", "status": 400,
             "detail": "The body is not valid JSON (line 1, column 14)."}""";

    public static final String UNSUPPORTED_MEDIA_TYPE_PROBLEM = """
            {"type": "urn:problem-type:triage:unsupported-media-type", "title": "Unsupported media type", "status": 415,
             "detail": "Send the body as application/json."}""";

    public static final String TOO_LARGE_PROBLEM = """
            {"type": "urn:problem-type:triage:payload-too-large", "title": "Payload too large", "status": 413,
             "detail": "The request body is larger than 65536 bytes."}""";
}
