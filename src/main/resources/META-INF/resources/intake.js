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
  // this page: the same descriptors drive the JSON API, the FHIR Questionnaire and this form. The page's own words
  // come from words/<language>.json, keyed by code; the catalogs and the answers come in the page's language too.
  const LANGUAGES = ['en', 'es'];
  const KINDS = { choice: 'select', choices: 'multi', decimal: 'number', boolean: 'boolean' };
  const MODIFIERS = {};
  const VITALS = ['respiratoryRate', 'oxygenSaturation', 'onSupplementalOxygen', 'systolicBloodPressure', 'heartRate',
    'temperature', 'consciousness', 'bloodGlucose'];
  const LABS = ['potassium', 'sodium', 'calcium', 'creatineKinase'];
  const PATIENT_FIELDS = ['age', 'sex', 'pregnancy', 'underTreatment', 'riskFactors', 'absentRiskFactors', 'symptoms',
    'text', 'answers', 'body'];
  let words = {};

  const state = {
    symptoms: [],          // catalog entries, in catalog order
    labels: new Map(),     // symptom and risk factor code -> label
    levels: new Map(),     // urgency code -> {label, meaning}
    lastRequest: null,     // the body last posted, to name the symptom a 400 error points at
    sequence: 0,           // ignores answers that arrive after a newer request was sent
    answers: []            // the interview's answers so far, posted with the form each time
  };

  const $ = (id) => document.getElementById(id);

  /** The page's words for a key in its language, with {0}, {1}... filled in. */
  function t(key, ...args) {
    const text = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
    return text.replace(/\{(\d)\}/g, (match, i) => String(args[Number(i)]));
  }

  function pageLanguage() {
    return $('page-language').value;
  }

  /** The first of the browser's languages the page speaks, English otherwise. */
  function browserLanguage() {
    for (const tag of navigator.languages || [navigator.language]) {
      const language = String(tag || '').split('-')[0].toLowerCase();
      if (LANGUAGES.includes(language)) return language;
    }
    return 'en';
  }

  /** Reads the words of a language and puts them into every element that names one. */
  async function loadWords(language) {
    words = await getJson('words/' + language + '.json');
    document.documentElement.lang = language;
    document.querySelectorAll('[data-words]').forEach((node) => { node.textContent = t(node.dataset.words); });
    document.querySelectorAll('[data-words-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.wordsPlaceholder); });
  }

  function statusDef() {
    return { label: t('symptoms.present'),
      values: [['present', t('symptoms.yesPresent')], ['absent', t('symptoms.notPresent')], ['unknown', t('symptoms.notSure')]] };
  }

  function booleanValues() {
    return [['true', t('common.yes')], ['false', t('common.no')]];
  }

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
    const def = modifier === 'status' ? statusDef() : MODIFIERS[modifier];
    if (def && def.values) {
      const found = def.values.find(([v]) => v === value);
      if (found) return found[1];
    }
    if (def && def.kind === 'boolean') return value === 'true' ? t('common.yes') : value === 'false' ? t('common.no') : value;
    if (modifier === 'hoursSinceOnset') return Number(value) === 1 ? t('symptoms.hourOne') : t('symptoms.hours', value);
    return value;
  }

  function modifierLabel(modifier) {
    if (modifier === 'status') return statusDef().label;
    return (MODIFIERS[modifier] || {}).label || modifier;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Loading the catalogs and building the form

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': pageLanguage() }, cache: 'no-store' });
    if (!response.ok) {
      const problem = await readJson(response);
      const detail = problem && typeof problem.detail === 'string' ? problem.detail : '';
      throw new Error(t('errors.answered', url, response.status) + (detail ? ': ' + detail : ''));
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
      status.classList.remove('problem');
      $('submit').disabled = false;
      $('intake').setAttribute('data-ready', 'true');
    } catch (error) {
      status.textContent = t('form.loadFailed', error.message);
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
    const status = statusDef();
    const statusSelect = select(statusId, 'status', status.values, null);
    fields.push(field(statusId, status.label, statusSelect));
    statusSelect.addEventListener('change', () => showModifiers(code));

    const modifierFields = [];
    let locations = null;
    for (const modifier of symptom.modifiers || []) {
      const def = MODIFIERS[modifier];
      if (!def) continue; // a modifier this page does not know yet; the Swagger UI shows it
      const id = controlId(code, modifier);
      if (def.kind === 'select') {
        modifierFields.push(field(id, def.label, select(id, modifier, def.values, t('common.notKnown'))));
      } else if (def.kind === 'boolean') {
        modifierFields.push(field(id, def.label, select(id, modifier, booleanValues(), t('common.notKnown'))));
      } else if (def.kind === 'number') {
        modifierFields.push(field(id, def.label, el('input', { type: 'number', id, name: modifier, min: 0, max: 1051200,
          step: 'any', inputmode: 'decimal', 'data-modifier': modifier })));
      } else if (def.kind === 'multi') {
        locations = el('fieldset', { className: 'locations', id: id },
          el('legend', { text: t('symptoms.places', def.label) }),
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
      el('legend', { text: t('symptoms.details', symptom.label) }),
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
        el('option', { value: '', text: t('common.notAsked') }), el('option', { value: 'present', text: t('common.yes') }),
        el('option', { value: 'absent', text: t('common.no') }));
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
      clientErrors.push({ controlId: 'age', field: t('field.age'), message: t('errors.wholeYears') });
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
              clientErrors.push({ controlId: id, field: symptom.label + ': ' + def.label, message: t('errors.hours') });
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
    for (const field of VITALS) {
      const control = $('v-' + field);
      if (control.tagName === 'SELECT') {
        if (control.value) vitals[field] = field === 'onSupplementalOxygen' ? control.value === 'true' : control.value;
      } else if (control.validity.badInput) {
        clientErrors.push({ controlId: control.id, field: t('vitals.' + field), message: t('errors.number') });
      } else if (control.value.trim() !== '') {
        vitals[field] = Number(control.value);
      }
    }
    if (Object.keys(vitals).length) request.vitals = vitals;
    const labs = {};
    for (const field of LABS) {
      const control = $('l-' + field);
      if (control.validity.badInput) {
        clientErrors.push({ controlId: control.id, field: t('labs.' + field), message: t('errors.number') });
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
      renderErrors(t('errors.checkForm'), t('errors.notNumbers'), clientErrors);
      return;
    }
    const sequence = ++state.sequence;
    state.lastRequest = request;
    // The button stays enabled (disabling it would drop keyboard focus); a newer request supersedes an older one.
    $('result').setAttribute('aria-busy', 'true');
    try {
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };
      headers['Accept-Language'] = pageLanguage();
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
      renderErrors(t('errors.unreachable'), t('errors.unreachableDetail', error.message), []);
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
      el('p', { className: 'level-kicker', text: t('result.urgency') }),
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
      parts.push(section(t('result.redFlags'), 'red-flags',
        el('ul', { id: 'red-flags' }, answer.redFlags.map((flag) => el('li', { 'data-code': flag.code },
          el('strong', { text: flag.label }),
          el('span', { className: 'badge level-badge', text: levelLabel(flag.urgency) }),
          el('span', { className: 'meta', text: t('result.source', flag.source) }),
          flag.evidence && flag.evidence.length ? el('span', { className: 'meta', text: t('result.reported', evidenceText(flag.evidence)) }) : null)))));
    }

    if (answer.missingInformation && answer.missingInformation.length) {
      parts.push(section(t('result.raising'), 'follow-ups',
        el('p', { className: 'help', text: t('result.raisingHelp') }),
        el('ul', { id: 'follow-ups' }, answer.missingInformation.map(followUp))));
    }

    if (answer.selfCare) {
      const care = answer.selfCare;
      parts.push(section(t('result.selfCare', care.label), 'self-care',
        el('div', { id: 'self-care', 'data-pathway': care.pathway },
          el('h4', { text: t('result.watchFor') }), el('ul', {}, care.watchFor.map((sign) => el('li', { text: sign }))),
          el('p', { className: 'see-doctor', text: care.seeDoctorIf }),
          el('p', { className: 'call-emergency', text: care.callEmergencyIf }),
          el('span', { className: 'meta', text: t('result.source', care.source) }))));
    }

    if (answer.screenQuestions && answer.screenQuestions.length) {
      parts.push(section(t('result.lowering'), 'screen-questions',
        el('p', { className: 'help', text: t('result.loweringHelp') }),
        el('ul', { id: 'screen-questions' }, answer.screenQuestions.map(screenQuestion))));
    }

    if (answer.reasons && answer.reasons.length) {
      parts.push(section(t('result.why'), 'reasons', el('ul', {}, answer.reasons.map((reason) => el('li', { text: reason })))));
    }

    if (answer.causeGroups && answer.causeGroups.length) {
      parts.push(section(t('result.causes'), 'cause-groups',
        el('div', { id: 'cause-groups' }, answer.causeGroups.map((group) => el('div', { className: 'cause-group', 'data-code': group.code },
          el('h4', { text: group.label }),
          el('ul', {}, (group.conditions || []).map((condition) => el('li', {
            className: 'condition' + (condition.serious ? ' serious-condition' : ''), 'data-code': condition.code },
          el('span', { className: 'name', text: condition.name }),
          condition.serious ? el('span', { className: 'badge serious', text: t('result.serious') }) : null,
          el('span', { className: 'meta', text: t('result.matched', evidenceText(condition.evidence)) })))))))));
    }

    if (answer.trace && answer.trace.length) {
      parts.push(el('details', { className: 'trace' },
        el('summary', { text: answer.trace.length === 1 ? t('result.traceOne') : t('result.traceMany', answer.trace.length) }),
        el('ol', {}, answer.trace.map((entry) => el('li', {},
          entry.rule,
          entry.decisive ? el('span', { className: 'badge decisive', text: t('result.decisive') }) : null,
          el('span', { className: 'meta', text: t('result.traceEntry', entry.file, entry.line, evidenceText(entry.matched)) }),
          el('span', { className: 'meta', text: t('result.source', entry.source) }))))));
    }

    parts.push(el('details', { className: 'json' },
      el('summary', { text: t('result.json') }),
      el('h4', { text: 'POST /api/v1/triage' }), el('pre', { text: JSON.stringify(request, null, 2) }),
      el('h4', { text: t('result.answer') }), el('pre', { text: JSON.stringify(answer, null, 2) })));

    parts.push(el('p', { className: 'meta version' }, t('result.rulesVersion'), el('code', { id: 'rules-version', text: answer.rulesVersion })));
    parts.push(el('p', { className: 'disclaimer', id: 'disclaimer', text: answer.disclaimer }));

    $('result-body').replaceChildren(...parts);
  }

  const MENTION_STATUS = { present: 'understood.yes', absent: 'understood.no', unknown: 'understood.notSure' };

  function mentionText(m) {
    if (m.kind === 'modifier') return modifierLabel(m.code) + ': ' + valueLabel(m.code, m.value);
    if (m.kind === 'age') return t('understood.age', m.value);
    if (m.kind === 'sex') return t('understood.sex', t('patient.' + m.value));
    if (m.kind === 'pregnancy') return t('patient.' + m.code);
    if (m.kind === 'underTreatment') return t('field.underTreatment');
    return labelOf(m.code);
  }

  /** What the service understood in the patient's words, phrase by phrase, and what it did not. */
  function understoodSection(fromText) {
    const items = fromText.mentions.map((m) => el('li', { 'data-code': m.code, 'data-status': m.status },
      el('q', { text: m.text }), ' → ',
      el('strong', { text: mentionText(m) }),
      m.kind === 'modifier' || m.kind === 'age' || m.kind === 'sex' ? null
        : el('span', { className: 'badge', text: MENTION_STATUS[m.status] ? t(MENTION_STATUS[m.status]) : m.status }),
      m.cue ? el('span', { className: 'meta', text: t('understood.because', m.cue.text) }) : null));
    return section(t('understood.heading'), 'understood',
      items.length ? el('ul', { id: 'understood' }, items) : el('p', { id: 'understood', text: t('understood.nothing') }),
      fromText.unrecognized.length ? el('p', { id: 'not-understood', className: 'help',
        text: t('understood.notUnderstood', fromText.unrecognized.map((s) => t('understood.quoted', s.text)).join(', ')) }) : null);
  }

  /** The interview's next question with a button per answer; an answer is added to the form's answers and posted again. */
  function interviewSection(interview) {
    const given = state.answers.length;
    const unresolved = (interview.unresolved || []).length ? el('div', { id: 'interview-unresolved' },
      el('p', { className: 'help', text: t('interview.unresolved') }),
      el('ul', {}, interview.unresolved.map((q) => el('li', { 'data-question': q.id },
        q.text, el('span', { className: 'badge level-badge', text: levelLabel(q.couldRaiseTo) }))))) : null;
    if (interview.complete) {
      return section(t('interview.heading'), 'interview',
        el('p', { id: 'interview-complete', text: given === 0 ? t('interview.complete')
          : given === 1 ? t('interview.completeOne') : t('interview.completeMany', given) }),
        unresolved, given ? restartButton() : null);
    }
    const q = interview.next;
    const effect = q.couldRaiseTo ? t('interview.couldRaise', levelLabel(q.couldRaiseTo))
      : q.lowersWith ? t('interview.couldLowerWith', levelLabel(q.couldLowerTo), optionLabel(q, q.lowersWith))
        : t('interview.couldLower', levelLabel(q.couldLowerTo));
    const buttons = [];
    if (q.answerType === 'integer') {
      const input = el('input', { id: 'interview-number', type: 'number', min: '0', max: '120', inputMode: 'numeric',
        'aria-labelledby': 'interview-question' });
      const send = el('button', { type: 'button', className: 'secondary answer', 'data-answer': 'number' }, t('interview.answer'));
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
      const send = el('button', { type: 'button', className: 'secondary answer', 'data-answer': 'ticked' }, t('interview.done'));
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
    const more = interview.questions.length - 1;
    return section(t('interview.next'), 'interview',
      el('div', { id: 'interview-next', 'data-question': q.id },
        el('p', { className: 'question', id: 'interview-question', text: q.text }),
        el('span', { className: 'meta', text: more === 1 ? t('interview.moreOne', effect) : t('interview.moreMany', effect, more) }),
        el('div', { className: 'answers' }, ...buttons)),
      unresolved, given ? restartButton() : null);
  }

  function optionLabel(question, code) {
    const option = question.options.find((o) => o.answer === code);
    return option ? option.label : code;
  }

  function restartButton() {
    const button = el('button', { type: 'button', className: 'secondary', id: 'interview-restart' }, t('interview.restart'));
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
    const text = question.question || t('followUp.question', modifierLabel(question.modifier).toLowerCase(),
      labelOf(question.symptom).toLowerCase());
    const noteId = questionId + '-note';
    const button = el('button', {
      type: 'button', className: 'secondary answer', 'aria-describedby': questionId + ' ' + noteId,
      'data-symptom': question.symptom, 'data-modifier': question.modifier, 'data-value': question.value
    }, question.modifier === 'status'
      ? valueLabel('status', question.value)
      : t('followUp.yesSet', modifierLabel(question.modifier), valueLabel(question.modifier, question.value)));
    button.addEventListener('click', () => answerFollowUp(question));
    return el('li', { 'data-symptom': question.symptom, 'data-modifier': question.modifier },
      el('p', { className: 'question', id: questionId }, labelOf(question.symptom) + ': ' + text),
      el('span', { className: 'meta', id: noteId,
        text: t('followUp.note', levelLabel(question.couldRaiseTo), modifierLabel(question.modifier), labelOf(question.symptom)) }),
      button);
  }

  function screenQuestion(question, index) {
    const questionId = 'screen-question-' + index;
    const button = el('button', {
      type: 'button', className: 'secondary answer', 'aria-describedby': questionId,
      'data-subject': question.subject, 'data-code': question.code
    }, t('common.no'));
    button.addEventListener('click', () => answerScreenQuestion(question));
    return el('li', { 'data-subject': question.subject, 'data-code': question.code },
      el('p', { className: 'question', id: questionId, text: question.question }),
      el('span', { className: 'meta', text: t('screen.note', levelLabel(question.couldLowerTo)) }),
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
      renderErrors(t('errors.cannotAnswer'), t('errors.cannotAnswerDetail', question.modifier, question.value, labelOf(code)), []);
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
    const title = (isProblem && problem.title) || t('errors.error');
    let detail = isProblem && problem.detail ? problem.detail : '';
    if (response.status === 401) {
      detail += ' ' + t('errors.apiKey');
    }
    const errors = isProblem && Array.isArray(problem.errors) ? problem.errors.map(describeFieldError) : [];
    renderErrors(t('errors.title', response.status, title), detail, errors);
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
      const label = VITALS.includes(vital[1]) ? t('vitals.' + vital[1]) : vital[1];
      return { field: t('errors.vital', label), raw: field, message: error.message, controlId: 'v-' + vital[1] };
    }
    const lab = /^labs\.(\w+)/.exec(field);
    if (lab && $('l-' + lab[1])) {
      const label = LABS.includes(lab[1]) ? t('labs.' + lab[1]) : lab[1];
      return { field: t('errors.lab', label), raw: field, message: error.message, controlId: 'l-' + lab[1] };
    }
    const top = field.split(/[.[]/)[0];
    const ids = { age: 'age', sex: 'sex', pregnancy: 'pregnancy', underTreatment: 'underTreatment', symptoms: 'symptom-list', riskFactors: 'risk-factor-list', absentRiskFactors: 'risk-factor-list' };
    return { field: PATIENT_FIELDS.includes(top) ? t('field.' + top) : field || t('errors.request'), raw: field, message: error.message, controlId: ids[top] };
  }

  function renderErrors(title, detail, errors) {
    const items = errors.map((error) => {
      const control = error.controlId ? $(error.controlId) : null;
      if (control && /^(INPUT|SELECT)$/.test(control.tagName)) control.setAttribute('aria-invalid', 'true');
      const name = control
        ? el('a', { href: '#' + error.controlId, onclick: (event) => { event.preventDefault(); focusControl(control); } }, error.field)
        : el('strong', { text: error.field });
      return el('li', { 'data-field': error.raw || error.field }, name, ': ', error.message,
        error.raw && error.raw !== error.field ? el('span', { className: 'meta' }, t('errors.field'), el('code', { text: error.raw })) : null);
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
    $('result-body').replaceChildren(el('p', { className: 'placeholder', text: t('result.cleared') }));
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
    $('page-language').value = browserLanguage();
    $('page-language').addEventListener('change', () => switchLanguage($('page-language').value));
    start();
  });

  async function start() {
    try {
      await loadWords(pageLanguage());
    } catch (error) {
      $('catalog-status').textContent = error.message; // the page's English stays
      $('catalog-status').classList.add('problem');
      return;
    }
    await loadCatalogs();
  }

  /** Speaks another language: the page's words, the catalogs and the answer shown; what was entered stays. */
  async function switchLanguage(language) {
    const entered = Array.from(document.querySelectorAll('#symptom-list input, #symptom-list select, #risk-factor-list select'))
      .map((control) => [control.id, control.type === 'checkbox' ? control.checked : control.value]);
    // An answer still on its way is in the old language: it is dropped, and asked for again in the new one.
    const answerShown = state.lastRequest !== null && ($('urgency-banner') !== null || $('result').getAttribute('aria-busy') === 'true');
    state.sequence++;
    $('result').setAttribute('aria-busy', 'false');
    try {
      await loadWords(language);
    } catch (error) {
      renderErrors(t('errors.unreachable'), t('errors.unreachableDetail', error.message), []);
      return;
    }
    $('result-body').replaceChildren(el('p', { className: 'placeholder', text: t('result.placeholder') }));
    await loadCatalogs();
    for (const [id, value] of entered) {
      const control = $(id);
      if (!control) continue;
      if (control.type === 'checkbox') control.checked = value; else control.value = value;
    }
    state.symptoms.forEach((symptom) => { if ($(controlId(symptom.code)).checked) showDetails(symptom.code, true); });
    if (answerShown) triage();
  }
})();
