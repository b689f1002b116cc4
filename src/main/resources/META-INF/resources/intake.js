// Reference intake page for the muscle weakness triage API: catalog -> form -> triage -> follow-up questions.
// Plain JavaScript, no framework, no build step. Everything inserted into the page goes through textContent
// (never innerHTML), and nothing is stored in the browser: the form itself is the only state.
'use strict';

(function () {
  const API = {
    symptoms: 'api/v1/symptoms',
    modifiers: 'api/v1/modifiers',
    riskFactors: 'api/v1/risk-factors',
    urgencyLevels: 'api/v1/urgency-levels',
    triage: 'api/v1/triage'
  };

  // What each modifier asks and the words for its values come from GET /api/v1/modifiers, like everything else on
  // this page: the same descriptors drive the JSON API, the FHIR Questionnaire and this form.
  const UNKNOWN = 'Not known';
  const KINDS = { choice: 'select', choices: 'multi', decimal: 'number', boolean: 'boolean' };
  const MODIFIERS = {};
  const STATUS = { label: 'Present?', values: [['present', 'Yes, present'], ['absent', 'No, not present'], ['unknown', 'Not sure']] };
  const BOOLEAN_VALUES = [['true', 'Yes'], ['false', 'No']];
  const VITALS = [['respiratoryRate', 'Breathing rate'], ['oxygenSaturation', 'Oxygen saturation'],
    ['onSupplementalOxygen', 'Supplemental oxygen'], ['systolicBloodPressure', 'Systolic blood pressure'],
    ['heartRate', 'Heart rate'], ['temperature', 'Temperature'], ['consciousness', 'Consciousness'], ['bloodGlucose', 'Blood glucose']];
  const LABS = [['potassium', 'Potassium'], ['sodium', 'Sodium'], ['calcium', 'Adjusted calcium'], ['creatineKinase', 'Creatine kinase']];
  const PATIENT_FIELDS = { age: 'Age', sex: 'Sex', pregnancy: 'Pregnancy', underTreatment: 'Already being treated', riskFactors: 'Risk factors', absentRiskFactors: 'Risk factors answered no', symptoms: 'Symptoms' };

  const state = {
    symptoms: [],          // catalog entries, in catalog order
    labels: new Map(),     // symptom and risk factor code -> label
    levels: new Map(),     // urgency code -> {label, meaning}
    lastRequest: null,     // the body last posted, to name the symptom a 400 error points at
    sequence: 0,           // ignores answers that arrive after a newer request was sent
    answers: []            // the interview's answers so far, posted with the form each time
  };

  const $ = (id) => document.getElementById(id);

  /** Creates an element; string children become text nodes, so data is never parsed as HTML. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'className') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('data-') || name.startsWith('aria-') || ['id', 'for', 'type', 'name', 'value', 'role',
        'href', 'min', 'max', 'step', 'inputmode', 'tabindex', 'hidden'].includes(name)) {
        node.setAttribute(name, value === true ? '' : String(value));
      } else {
        node[name] = value;
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function controlId(code, modifier, value) {
    return ['s', code, modifier, value].filter((part) => part !== undefined).join('-');
  }

  function labelOf(code) {
    return state.labels.get(code) || code;
  }

  function levelLabel(code) {
    return (state.levels.get(code) || {}).label || code;
  }

  function valueLabel(modifier, value) {
    const def = modifier === 'status' ? STATUS : MODIFIERS[modifier];
    if (def && def.values) {
      const found = def.values.find(([v]) => v === value);
      if (found) return found[1];
    }
    if (def && def.kind === 'boolean') return value === 'true' ? 'Yes' : value === 'false' ? 'No' : value;
    if (modifier === 'hoursSinceOnset') return value + ' hours';
    return value;
  }

  function modifierLabel(modifier) {
    if (modifier === 'status') return STATUS.label;
    return (MODIFIERS[modifier] || {}).label || modifier;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Loading the catalogs and building the form

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) {
      const problem = await readJson(response);
      const detail = problem && typeof problem.detail === 'string' ? problem.detail : response.statusText;
      throw new Error(url + ' answered ' + response.status + (detail ? ': ' + detail : ''));
    }
    return response.json();
  }

  async function readJson(response) {
    try {
      return await response.json();
    } catch (e) {
      return null;
    }
  }

  async function loadCatalogs() {
    const status = $('catalog-status');
    try {
      const [symptoms, riskFactors, levels, modifiers] = await Promise.all(
        [getJson(API.symptoms), getJson(API.riskFactors), getJson(API.urgencyLevels), getJson(API.modifiers)]);
      modifiers.forEach((m) => {
        MODIFIERS[m.code] = { label: m.label, kind: KINDS[m.kind], values: m.values.map((v) => [v.code, v.label]) };
      });
      state.symptoms = symptoms;
      symptoms.forEach((s) => state.labels.set(s.code, s.label));
      riskFactors.forEach((r) => state.labels.set(r.code, r.label));
      levels.forEach((l) => state.levels.set(l.code, l));
      buildSymptoms(symptoms);
      buildRiskFactors(riskFactors);
      status.textContent = '';
      $('submit').disabled = false;
      $('intake').setAttribute('data-ready', 'true');
    } catch (error) {
      status.textContent = 'The catalogs could not be loaded, so the form cannot be built. ' + error.message;
      status.classList.add('problem');
    }
  }

  function buildSymptoms(symptoms) {
    const list = $('symptom-list');
    list.replaceChildren();
    for (const symptom of symptoms) {
      const id = controlId(symptom.code);
      const hintId = id + '-hint';
      const checkbox = el('input', { type: 'checkbox', id, name: 'symptom', value: symptom.code,
        'aria-describedby': hintId, 'aria-controls': id + '-details' });
      const details = buildSymptomDetails(symptom);
      const item = el('div', { className: 'choice', 'data-code': symptom.code },
        el('div', { className: 'check' }, checkbox,
          el('label', { for: id }, symptom.label,
            el('span', { className: 'hint', id: hintId }, symptom.question || symptom.description || ''))),
        details);
      checkbox.addEventListener('change', () => showDetails(symptom.code, checkbox.checked));
      list.append(item);
    }
  }

  function buildSymptomDetails(symptom) {
    const code = symptom.code;
    const fields = [];
    const statusId = controlId(code, 'status');
    const statusSelect = select(statusId, 'status', STATUS.values, null);
    fields.push(field(statusId, STATUS.label, statusSelect));
    statusSelect.addEventListener('change', () => showModifiers(code));

    const modifierFields = [];
    let locations = null;
    for (const modifier of symptom.modifiers || []) {
      const def = MODIFIERS[modifier];
      if (!def) continue; // a modifier this page does not know yet; the Swagger UI shows it
      const id = controlId(code, modifier);
      if (def.kind === 'select') {
        modifierFields.push(field(id, def.label, select(id, modifier, def.values, UNKNOWN)));
      } else if (def.kind === 'boolean') {
        modifierFields.push(field(id, def.label, select(id, modifier, BOOLEAN_VALUES, UNKNOWN)));
      } else if (def.kind === 'number') {
        modifierFields.push(field(id, def.label, el('input', { type: 'number', id, name: modifier, min: 0, max: 1051200,
          step: 'any', inputmode: 'decimal', 'data-modifier': modifier })));
      } else if (def.kind === 'multi') {
        locations = el('fieldset', { className: 'locations', id: id },
          el('legend', { text: def.label + ' (tick all that apply; none ticked: not known)' }),
          el('div', { className: 'options' }, def.values.map(([value, label]) => {
            const boxId = controlId(code, modifier, value);
            return el('div', { className: 'check' },
              el('input', { type: 'checkbox', id: boxId, name: modifier, value, 'data-modifier': modifier }),
              el('label', { for: boxId, text: label }));
          })));
      }
    }
    const modifiers = el('div', { className: 'modifiers', id: controlId(code, 'modifiers') },
      el('div', { className: 'fields' }, modifierFields), locations);
    return el('fieldset', { className: 'details', id: controlId(code) + '-details', hidden: true },
      el('legend', { text: 'Details for ' + symptom.label }),
      el('div', { className: 'fields' }, fields),
      modifiers);
  }

  function select(id, modifier, values, emptyLabel) {
    const node = el('select', { id, name: modifier, 'data-modifier': modifier });
    if (emptyLabel) node.append(el('option', { value: '', text: emptyLabel }));
    for (const [value, label] of values) node.append(el('option', { value, text: label }));
    return node;
  }

  function field(id, label, control) {
    return el('div', { className: 'field' }, el('label', { for: id, text: label }), control);
  }

  function showDetails(code, open) {
    const details = $(controlId(code) + '-details');
    details.hidden = !open;
    details.closest('.choice').classList.toggle('open', open);
    showModifiers(code);
  }

  function showModifiers(code) {
    // Details of a symptom reported absent mean nothing, so they are hidden and not sent.
    $(controlId(code, 'modifiers')).hidden = $(controlId(code, 'status')).value === 'absent';
  }

  function buildRiskFactors(riskFactors) {
    const list = $('risk-factor-list');
    list.replaceChildren();
    for (const factor of riskFactors) {
      const id = 'rf-' + factor.code;
      const answer = el('select', { id, name: 'riskFactor', 'data-code': factor.code, 'aria-describedby': id + '-hint' },
        el('option', { value: '', text: 'Not asked' }), el('option', { value: 'present', text: 'Yes' }),
        el('option', { value: 'absent', text: 'No' }));
      list.append(el('div', { className: 'choice field' },
        el('label', { for: id }, factor.label, el('span', { className: 'hint', id: id + '-hint', text: factor.description })),
        answer));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading the form into a TriageRequest

  function buildRequest() {
    const request = {};
    const clientErrors = [];
    const age = $('age');
    if (age.validity.badInput) {
      clientErrors.push({ controlId: 'age', field: 'age', message: 'enter the age as a whole number of years' });
    } else if (age.value.trim() !== '') {
      request.age = Number(age.value);
    }
    if ($('sex').value) request.sex = $('sex').value;
    if ($('pregnancy').value) request.pregnancy = $('pregnancy').value;
    if ($('underTreatment').value) request.underTreatment = $('underTreatment').value === 'true';

    const words = $('own-words').value;
    if (words.trim() !== '') {
      request.text = words;
      if ($('text-language').value) request.textLanguage = $('text-language').value;
    }

    request.symptoms = [];
    for (const symptom of state.symptoms) {
      if (!$(controlId(symptom.code)).checked) continue;
      const report = { code: symptom.code, status: $(controlId(symptom.code, 'status')).value };
      if (report.status !== 'absent') {
        for (const modifier of symptom.modifiers || []) {
          const def = MODIFIERS[modifier];
          if (!def) continue;
          const id = controlId(symptom.code, modifier);
          if (def.kind === 'multi') {
            const ticked = def.values.map(([v]) => v).filter((v) => $(controlId(symptom.code, modifier, v)).checked);
            if (ticked.length) report[modifier] = ticked;
          } else if (def.kind === 'number') {
            const input = $(id);
            if (input.validity.badInput) {
              clientErrors.push({ controlId: id, field: symptom.label + ': ' + def.label, message: 'enter a number of hours' });
            } else if (input.value.trim() !== '') {
              report[modifier] = Number(input.value);
            }
          } else if (def.kind === 'boolean') {
            if ($(id).value) report[modifier] = $(id).value === 'true';
          } else if ($(id).value) {
            report[modifier] = $(id).value;
          }
        }
      }
      request.symptoms.push(report);
    }
    const answered = (value) => Array.from(document.querySelectorAll('select[name="riskFactor"]'))
      .filter((c) => c.value === value).map((c) => c.dataset.code);
    if (answered('present').length) request.riskFactors = answered('present');
    if (answered('absent').length) request.absentRiskFactors = answered('absent');
    const vitals = {};
    for (const [field, label] of VITALS) {
      const control = $('v-' + field);
      if (control.tagName === 'SELECT') {
        if (control.value) vitals[field] = field === 'onSupplementalOxygen' ? control.value === 'true' : control.value;
      } else if (control.validity.badInput) {
        clientErrors.push({ controlId: control.id, field: label, message: 'enter a number' });
      } else if (control.value.trim() !== '') {
        vitals[field] = Number(control.value);
      }
    }
    if (Object.keys(vitals).length) request.vitals = vitals;
    const labs = {};
    for (const [field, label] of LABS) {
      const control = $('l-' + field);
      if (control.validity.badInput) {
        clientErrors.push({ controlId: control.id, field: label, message: 'enter a number' });
      } else if (control.value.trim() !== '') {
        labs[field] = Number(control.value);
      }
    }
    if (Object.keys(labs).length) request.labs = labs;
    if (state.answers.length) request.answers = state.answers.slice();
    if (request.text && !request.symptoms.length) delete request.symptoms; // the words name them
    return { request, clientErrors };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Posting and showing the answer

  async function triage() {
    clearInvalid();
    const { request, clientErrors } = buildRequest();
    if (clientErrors.length) {
      renderErrors('Please check the form', 'Some values are not numbers, so nothing was sent.', clientErrors);
      return;
    }
    const sequence = ++state.sequence;
    state.lastRequest = request;
    // The button stays enabled (disabling it would drop keyboard focus); a newer request supersedes an older one.
    $('result').setAttribute('aria-busy', 'true');
    try {
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
      if ($('text-language').value) headers['Accept-Language'] = $('text-language').value;
      const response = await fetch(API.triage, {
        method: 'POST',
        headers,
        body: JSON.stringify(request),
        cache: 'no-store'
      });
      const body = await readJson(response);
      if (sequence !== state.sequence) return;
      if (response.ok && body) {
        renderAnswer(body, request);
        return true;
      } else {
        renderProblem(response, body);
      }
    } catch (error) {
      if (sequence !== state.sequence) return;
      renderErrors('The service could not be reached', 'Check that it is running and try again. (' + error.message + ')', []);
    } finally {
      if (sequence === state.sequence) $('result').setAttribute('aria-busy', 'false');
    }
  }

  function section(title, className, ...content) {
    return el('section', { className, 'aria-label': title }, el('h3', { text: title }), ...content);
  }

  function evidenceText(codes) {
    return (codes || []).map(labelOf).join(', ');
  }

  function renderAnswer(answer, request) {
    const level = state.levels.get(answer.urgency) || {};
    const parts = [];

    parts.push(el('div', { id: 'urgency-banner', className: 'banner', 'data-urgency': answer.urgency },
      el('p', { className: 'level-kicker', text: 'Urgency' }),
      el('p', { className: 'level', id: 'urgency-label', text: level.label || answer.urgency }),
      level.meaning ? el('p', { className: 'meaning', text: level.meaning }) : null,
      el('p', { className: 'advice', id: 'urgency-advice', text: answer.advice })));

    if (answer.fromText) {
      parts.push(understoodSection(answer.fromText));
    }

    if (answer.interview) {
      parts.push(interviewSection(answer.interview));
    }

    if (answer.redFlags && answer.redFlags.length) {
      parts.push(section('Red flags', 'red-flags',
        el('ul', { id: 'red-flags' }, answer.redFlags.map((flag) => el('li', { 'data-code': flag.code },
          el('strong', { text: flag.label }),
          el('span', { className: 'badge level-badge', text: levelLabel(flag.urgency) }),
          el('span', { className: 'meta', text: 'Source: ' + flag.source }),
          flag.evidence && flag.evidence.length ? el('span', { className: 'meta', text: 'Reported: ' + evidenceText(flag.evidence) }) : null)))));
    }

    if (answer.missingInformation && answer.missingInformation.length) {
      parts.push(section('Questions that could raise the urgency', 'follow-ups',
        el('p', { className: 'help', text: 'Ask these next. Answering “yes” fills in the form and asks the service again.' }),
        el('ul', { id: 'follow-ups' }, answer.missingInformation.map(followUp))));
    }

    if (answer.selfCare) {
      const care = answer.selfCare;
      parts.push(section('Looking after it at home: ' + care.label, 'self-care',
        el('div', { id: 'self-care', 'data-pathway': care.pathway },
          el('h4', { text: 'Watch for' }), el('ul', {}, care.watchFor.map((sign) => el('li', { text: sign }))),
          el('p', { className: 'see-doctor', text: care.seeDoctorIf }),
          el('p', { className: 'call-emergency', text: care.callEmergencyIf }),
          el('span', { className: 'meta', text: 'Source: ' + care.source }))));
    }

    if (answer.screenQuestions && answer.screenQuestions.length) {
      parts.push(section('Questions that could lower the urgency', 'screen-questions',
        el('p', { className: 'help', text: 'This may be looked after at home once these are all answered no. Answering “no” fills in the form and asks the service again.' }),
        el('ul', { id: 'screen-questions' }, answer.screenQuestions.map(screenQuestion))));
    }

    if (answer.reasons && answer.reasons.length) {
      parts.push(section('Why', 'reasons', el('ul', {}, answer.reasons.map((reason) => el('li', { text: reason })))));
    }

    if (answer.causeGroups && answer.causeGroups.length) {
      parts.push(section('Possible causes (not a diagnosis)', 'cause-groups',
        el('div', { id: 'cause-groups' }, answer.causeGroups.map((group) => el('div', { className: 'cause-group', 'data-code': group.code },
          el('h4', { text: group.label }),
          el('ul', {}, (group.conditions || []).map((condition) => el('li', {
            className: 'condition' + (condition.serious ? ' serious-condition' : ''), 'data-code': condition.code },
          el('span', { className: 'name', text: condition.name }),
          condition.serious ? el('span', { className: 'badge serious', text: 'serious' }) : null,
          el('span', { className: 'meta', text: 'Matched: ' + evidenceText(condition.evidence) })))))))));
    }

    if (answer.trace && answer.trace.length) {
      parts.push(el('details', { className: 'trace' },
        el('summary', { text: 'Rule trace (' + answer.trace.length + (answer.trace.length === 1 ? ' rule' : ' rules') + ' fired)' }),
        el('ol', {}, answer.trace.map((entry) => el('li', {},
          entry.rule,
          entry.decisive ? el('span', { className: 'badge decisive', text: 'set the urgency' }) : null,
          el('span', { className: 'meta', text: entry.file + ':' + entry.line + ' · matched ' + evidenceText(entry.matched) }),
          el('span', { className: 'meta', text: 'Source: ' + entry.source }))))));
    }

    parts.push(el('details', { className: 'json' },
      el('summary', { text: 'Request and answer as JSON' }),
      el('h4', { text: 'POST /api/v1/triage' }), el('pre', { text: JSON.stringify(request, null, 2) }),
      el('h4', { text: 'Answer' }), el('pre', { text: JSON.stringify(answer, null, 2) })));

    parts.push(el('p', { className: 'meta version' }, 'Rules version: ', el('code', { id: 'rules-version', text: answer.rulesVersion })));
    parts.push(el('p', { className: 'disclaimer', id: 'disclaimer', text: answer.disclaimer }));

    $('result-body').replaceChildren(...parts);
  }

  const MENTION_STATUS = { present: 'yes', absent: 'no', unknown: 'not sure' };

  /** What the service understood in the patient's words, phrase by phrase, and what it did not. */
  function understoodSection(fromText) {
    const items = fromText.mentions.map((m) => el('li', { 'data-code': m.code, 'data-status': m.status },
      el('q', { text: m.text }), ' → ',
      el('strong', { text: m.kind === 'modifier' ? modifierLabel(m.code) + ': ' + m.value
        : m.kind === 'age' || m.kind === 'sex' ? m.kind + ': ' + m.value : labelOf(m.code) }),
      m.kind === 'modifier' || m.kind === 'age' || m.kind === 'sex' ? null
        : el('span', { className: 'badge', text: MENTION_STATUS[m.status] || m.status }),
      m.cue ? el('span', { className: 'meta', text: 'because of “' + m.cue.text + '”' }) : null));
    return section('We understood', 'understood',
      items.length ? el('ul', { id: 'understood' }, items) : el('p', { id: 'understood', text: 'Nothing we could read as a symptom.' }),
      fromText.unrecognized.length ? el('p', { id: 'not-understood', className: 'help',
        text: 'Not understood (please say it another way, or answer the questions): '
          + fromText.unrecognized.map((s) => '“' + s.text + '”').join(', ') }) : null);
  }

  /** The interview's next question with a button per answer; an answer is added to the form's answers and posted again. */
  function interviewSection(interview) {
    const given = state.answers.length;
    const unresolved = (interview.unresolved || []).length ? el('div', { id: 'interview-unresolved' },
      el('p', { className: 'help', text: 'Not ruled out (answered “I don\'t know”): if in doubt, seek care at the level shown.' }),
      el('ul', {}, interview.unresolved.map((q) => el('li', { 'data-question': q.id },
        q.text, el('span', { className: 'badge level-badge', text: levelLabel(q.couldRaiseTo) }))))) : null;
    if (interview.complete) {
      return section('Interview', 'interview',
        el('p', { id: 'interview-complete', text: 'Nothing left to ask could change the urgency' +
          (given ? ' (' + given + (given === 1 ? ' answer' : ' answers') + ' given).' : '.') }),
        unresolved, given ? restartButton() : null);
    }
    const q = interview.next;
    const effect = q.couldRaiseTo ? 'Could raise the urgency to ' + levelLabel(q.couldRaiseTo)
      : 'Could lower the urgency to ' + levelLabel(q.couldLowerTo) + (q.lowersWith ? ' (with “' + optionLabel(q, q.lowersWith) + '”)' : '');
    const buttons = [];
    if (q.answerType === 'integer') {
      const input = el('input', { id: 'interview-number', type: 'number', min: '0', max: '120', inputMode: 'numeric',
        'aria-labelledby': 'interview-question' });
      const send = el('button', { type: 'button', className: 'secondary answer', 'data-answer': 'number' }, 'Answer');
      send.addEventListener('click', () => {
        const years = Number(input.value);
        if (input.value.trim() !== '' && Number.isInteger(years) && years >= 0 && years <= 120) answerInterview(q, String(years));
      });
      buttons.push(input, send);
    }
    if (q.answerType === 'choices') {
      // Several places may apply: tick them all, then send them together.
      const boxes = q.options.filter((o) => o.answer !== 'unknown').map((option) => el('label', { className: 'choice' },
        el('input', { type: 'checkbox', 'data-answer': option.answer }), ' ' + option.label));
      const send = el('button', { type: 'button', className: 'secondary answer', 'data-answer': 'ticked' }, 'Done');
      send.addEventListener('click', () => {
        const ticked = boxes.map((box) => box.querySelector('input')).filter((input) => input.checked).map((input) => input.dataset.answer);
        if (ticked.length) answerInterview(q, ...ticked);
      });
      buttons.push(...boxes, send);
    }
    for (const option of q.options) {
      if ((q.answerType === 'integer' || q.answerType === 'choices') && option.answer !== 'unknown') continue;
      const button = el('button', { type: 'button', className: 'secondary answer', 'data-answer': option.answer,
        'aria-describedby': 'interview-question' }, option.label);
      button.addEventListener('click', () => answerInterview(q, option.answer));
      buttons.push(button);
    }
    return section('Next question', 'interview',
      el('div', { id: 'interview-next', 'data-question': q.id },
        el('p', { className: 'question', id: 'interview-question', text: q.text }),
        el('span', { className: 'meta', text: effect + '. ' + (interview.questions.length - 1) + ' more to ask after this one.' }),
        el('div', { className: 'answers' }, ...buttons)),
      unresolved, given ? restartButton() : null);
  }

  function optionLabel(question, code) {
    const option = question.options.find((o) => o.answer === code);
    return option ? option.label : code;
  }

  function restartButton() {
    const button = el('button', { type: 'button', className: 'secondary', id: 'interview-restart' }, 'Forget the interview answers');
    button.addEventListener('click', () => { state.answers = []; triage(); });
    return button;
  }

  /** Adds the answers (several for places) and posts again; answers the service refuses are taken back. */
  function answerInterview(question, ...answers) {
    const before = state.answers.length;
    answers.forEach((answer) => state.answers.push({ question: question.id, answer }));
    triage().then((ok) => {
      if (!ok) state.answers.length = before;
      $('result').focus({ preventScroll: false });
    });
  }

  function followUp(question, index) {
    const questionId = 'follow-up-' + index;
    const text = question.question || ('What is the ' + modifierLabel(question.modifier).toLowerCase() + ' of ' +
      labelOf(question.symptom).toLowerCase() + '?');
    const noteId = questionId + '-note';
    const button = el('button', {
      type: 'button', className: 'secondary answer', 'aria-describedby': questionId + ' ' + noteId,
      'data-symptom': question.symptom, 'data-modifier': question.modifier, 'data-value': question.value
    }, question.modifier === 'status'
      ? 'Yes: ' + valueLabel('status', question.value).toLowerCase()
      : 'Yes: set “' + modifierLabel(question.modifier) + '” to “' + valueLabel(question.modifier, question.value) + '”');
    button.addEventListener('click', () => answerFollowUp(question));
    return el('li', { 'data-symptom': question.symptom, 'data-modifier': question.modifier },
      el('p', { className: 'question', id: questionId }, labelOf(question.symptom) + ': ' + text),
      el('span', { className: 'meta', id: noteId,
        text: 'Could raise the urgency to ' + levelLabel(question.couldRaiseTo) + '. Sets “' +
          modifierLabel(question.modifier) + '” of ' + labelOf(question.symptom) + ' and asks again.' }),
      button);
  }

  function screenQuestion(question, index) {
    const questionId = 'screen-question-' + index;
    const button = el('button', {
      type: 'button', className: 'secondary answer', 'aria-describedby': questionId,
      'data-subject': question.subject, 'data-code': question.code
    }, 'No');
    button.addEventListener('click', () => answerScreenQuestion(question));
    return el('li', { 'data-subject': question.subject, 'data-code': question.code },
      el('p', { className: 'question', id: questionId, text: question.question }),
      el('span', { className: 'meta', text: 'With the others answered no: ' + levelLabel(question.couldLowerTo) }),
      button);
  }

  /** Writes a screen question's "no" into the form (symptom absent, risk factor no, not pregnant), then posts again. */
  function answerScreenQuestion(question) {
    if (question.subject === 'symptom') {
      const checkbox = $(controlId(question.code));
      if (!checkbox.checked) checkbox.checked = true;
      $(controlId(question.code, 'status')).value = 'absent';
      showDetails(question.code, true);
    } else if (question.subject === 'riskFactor') {
      $('rf-' + question.code).value = 'absent';
    } else {
      $('pregnancy').value = 'not_pregnant';
    }
    triage().then(() => $('result').focus({ preventScroll: false }));
  }

  /** Sets the named modifier of the named symptom in the form, then posts the form again. */
  function answerFollowUp(question) {
    const code = question.symptom;
    const checkbox = $(controlId(code));
    let control = null;
    if (checkbox) {
      if (question.modifier === 'locations') {
        control = $(controlId(code, 'locations', question.value));
        if (control) control.checked = true;
      } else {
        control = $(controlId(code, question.modifier));
        if (control && control.tagName === 'SELECT' &&
            !Array.from(control.options).some((option) => option.value === question.value)) {
          control = null;
        }
        if (control) control.value = question.value;
      }
    }
    if (!control) {
      renderErrors('This page cannot answer that question',
        'The form has no “' + question.modifier + '” control with the value “' + question.value + '” for ' +
        labelOf(code) + '. Send it by hand, see the Swagger UI.', []);
      return;
    }
    if (!checkbox.checked) checkbox.checked = true;
    if (question.modifier !== 'status' && $(controlId(code, 'status')).value === 'absent') {
      $(controlId(code, 'status')).value = 'present';
    }
    showDetails(code, true);
    // The button that was pressed disappears with the new answer, so focus goes to the answer heading.
    triage().then(() => $('result').focus({ preventScroll: false }));
  }

  function renderProblem(response, problem) {
    const isProblem = problem && typeof problem === 'object';
    const title = (isProblem && problem.title) || response.statusText || 'Error';
    let detail = isProblem && problem.detail ? problem.detail : '';
    if (response.status === 401) {
      detail += ' This server requires an API key (X-API-Key); this page does not send one.';
    }
    const errors = isProblem && Array.isArray(problem.errors) ? problem.errors.map(describeFieldError) : [];
    renderErrors('The service could not triage this request (' + response.status + ' ' + title + ')', detail, errors);
  }

  /** Turns "symptoms[2].onset" into "Difficulty speaking: How it began" and finds the control it points at. */
  function describeFieldError(error) {
    const field = String(error.field || '');
    const match = /^symptoms\[(\d+)\](?:\.(\w+))?/.exec(field);
    if (match && state.lastRequest && state.lastRequest.symptoms[Number(match[1])]) {
      const code = state.lastRequest.symptoms[Number(match[1])].code;
      const modifier = match[2];
      const id = modifier ? controlId(code, modifier) : controlId(code);
      return { field: labelOf(code) + (modifier ? ': ' + modifierLabel(modifier) : ''), raw: field,
        message: error.message, controlId: $(id) ? id : controlId(code) };
    }
    const vital = /^vitals\.(\w+)/.exec(field);
    if (vital && $('v-' + vital[1])) {
      const label = (VITALS.find(([name]) => name === vital[1]) || [vital[1], vital[1]])[1];
      return { field: 'Vital signs: ' + label, raw: field, message: error.message, controlId: 'v-' + vital[1] };
    }
    const lab = /^labs\.(\w+)/.exec(field);
    if (lab && $('l-' + lab[1])) {
      const label = (LABS.find(([name]) => name === lab[1]) || [lab[1], lab[1]])[1];
      return { field: 'Laboratory results: ' + label, raw: field, message: error.message, controlId: 'l-' + lab[1] };
    }
    const top = field.split(/[.[]/)[0];
    const ids = { age: 'age', sex: 'sex', pregnancy: 'pregnancy', underTreatment: 'underTreatment', symptoms: 'symptom-list', riskFactors: 'risk-factor-list', absentRiskFactors: 'risk-factor-list' };
    return { field: PATIENT_FIELDS[top] || field || 'Request', raw: field, message: error.message, controlId: ids[top] };
  }

  function renderErrors(title, detail, errors) {
    const items = errors.map((error) => {
      const control = error.controlId ? $(error.controlId) : null;
      if (control && /^(INPUT|SELECT)$/.test(control.tagName)) control.setAttribute('aria-invalid', 'true');
      const name = control
        ? el('a', { href: '#' + error.controlId, onclick: (event) => { event.preventDefault(); focusControl(control); } }, error.field)
        : el('strong', { text: error.field });
      return el('li', { 'data-field': error.raw || error.field }, name, ': ', error.message,
        error.raw && error.raw !== error.field ? el('span', { className: 'meta' }, 'field ', el('code', { text: error.raw })) : null);
    });
    $('result-body').replaceChildren(el('div', { className: 'problem', id: 'problem', role: 'alert' },
      el('h3', { text: title }),
      detail ? el('p', { text: detail.trim() }) : null,
      items.length ? el('ul', { id: 'problem-errors' }, items) : null));
  }

  function focusControl(control) {
    const choice = control.closest('.choice');
    if (choice && choice.dataset.code) showDetails(choice.dataset.code, true);
    if (control.tabIndex < 0 && !/^(INPUT|SELECT|BUTTON)$/.test(control.tagName)) control.setAttribute('tabindex', '-1');
    control.focus();
  }

  function clearInvalid() {
    document.querySelectorAll('[aria-invalid="true"]').forEach((node) => node.removeAttribute('aria-invalid'));
  }

  function clearForm() {
    $('intake').reset();
    state.symptoms.forEach((symptom) => showDetails(symptom.code, false));
    clearInvalid();
    state.sequence++;
    state.lastRequest = null;
    state.answers = [];
    $('result').setAttribute('aria-busy', 'false');
    $('result-body').replaceChildren(el('p', { className: 'placeholder', text: 'The form was cleared. No answer yet.' }));
    $('submit').disabled = state.symptoms.length === 0;
    $('age').focus();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('intake').addEventListener('submit', (event) => {
      event.preventDefault();
      triage().then(() => {
        const result = $('result');
        const box = result.getBoundingClientRect();
        if (box.top < 0 || box.top > window.innerHeight - 80) result.scrollIntoView({ block: 'start' });
      });
    });
    $('clear').addEventListener('click', clearForm);
    loadCatalogs();
  });
})();
